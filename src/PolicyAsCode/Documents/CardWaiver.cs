namespace PolicyAsCode.Documents;

/// <summary>A lower tier's claim of a waiver of a higher tier's bound.</summary>
/// <param name="Dimension">The preference.</param>
/// <param name="WaivedTier">The tier whose bound is waived.</param>
/// <param name="Bounds">The waived bounds as written, e.g. <c>Locked(true)</c>.</param>
/// <param name="Claimant">The tier claiming the waiver.</param>
/// <param name="Condition">When the waiver holds (its facts must be established), or null when always.</param>
/// <param name="IsDelegated">Whether the higher tier delegated the waiver to the claimant; an undelegated claim has no effect.</param>
public sealed record CardWaiver(string Dimension, string WaivedTier, string Bounds, string Claimant, string? Condition, bool IsDelegated);
