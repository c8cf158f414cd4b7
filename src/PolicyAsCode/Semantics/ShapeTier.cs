namespace PolicyAsCode;

/// <summary>One tier as the semantics see it: its rank and its name (the jurisdiction, for an immutable tier).</summary>
/// <param name="Rank">Immutable, organisation or user.</param>
/// <param name="Name">The jurisdiction of an immutable tier, else the organisation's or user tier's name.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeTier(TierRank Rank, string Name);
