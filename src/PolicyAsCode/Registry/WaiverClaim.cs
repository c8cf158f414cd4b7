namespace PolicyAsCode;

/// <summary>A lower tier's claim, on one dimension, of the waiver a higher tier delegated to it.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Waivers"/>.</param>
/// <param name="Claimant">Index of the tier claiming the waiver.</param>
/// <param name="Dimension">Index of the dimension.</param>
/// <param name="Waived">Index of the higher tier whose waivable bounds are waived.</param>
/// <param name="Condition">When the waiver holds (its facts must be established).</param>
/// <param name="IsDelegated">Whether the higher tier delegated the waiver to the claimant's rank; an undelegated claim has no effect.</param>
public sealed record WaiverClaim(int Index, int Claimant, int Dimension, int Waived, Condition Condition, bool IsDelegated);
