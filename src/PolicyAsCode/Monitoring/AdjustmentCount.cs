namespace PolicyAsCode.Monitoring;

/// <summary>How many resolutions a bound held at (clamped), waived, failed closed or skipped as contradictory, on one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Cause">Why the value moved (or was granted under a waiver).</param>
/// <param name="Tier">The tier that set the bound, or null (a value failed closed with no bound responsible).</param>
/// <param name="Rule">The bound as first seen (its index is that registry's), or null.</param>
/// <param name="Bound">The bound as written (<see cref="BoundRule.Source"/>), or <c>none</c>.</param>
/// <param name="Condition">When the bound applies (<c>when Minor</c>), or <c>always</c>.</param>
/// <param name="Count">How many.</param>
public sealed record AdjustmentCount(string Dimension, AdjustmentCause Cause, TierInfo? Tier, BoundRule? Rule, string Bound, string Condition, long Count);
