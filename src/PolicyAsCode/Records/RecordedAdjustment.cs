namespace PolicyAsCode.Records;

/// <summary>One value a resolution moved, as recorded.</summary>
/// <param name="Dimension">The dimension's JSON name.</param>
/// <param name="Cause"><c>clamped</c>, <c>waived</c>, <c>failed_closed</c> or <c>contradiction</c>.</param>
/// <param name="Bound">The canonical index of the bound responsible in the policy that wrote the record, or null.</param>
/// <param name="Source">The bound as written, e.g. <c>AtMost(Maturity.Teen)</c>, or null when no bound is responsible.</param>
/// <param name="Tier">The name of the tier that set the bound (<c>EU</c>, <c>contoso-learning</c>), or null.</param>
/// <param name="TierRank"><c>immutable</c>, <c>organisation</c>, <c>user</c>, or null.</param>
public sealed record RecordedAdjustment(string Dimension, string Cause, int? Bound, string? Source, string? Tier, string? TierRank);
