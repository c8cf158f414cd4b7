namespace PolicyAsCode.Testing;

/// <summary>An expected adjustment: the dimension, and any of how it moved, whose tier and which bound.</summary>
/// <param name="Dimension">The dimension's JSON name.</param>
/// <param name="Cause"><c>clamped</c>, <c>waived</c>, <c>failed closed</c> or <c>contradiction</c>, or null when not checked.</param>
/// <param name="Tier">The tier as a reader names it (<c>law of DE within EU</c>, <c>organisation contoso-learning</c>), or null.</param>
/// <param name="Bound">The bound as written (<c>AtMost(Maturity.Teen)</c>), or null.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedAdjustment(string Dimension, string? Cause, string? Tier, string? Bound, string Path);
