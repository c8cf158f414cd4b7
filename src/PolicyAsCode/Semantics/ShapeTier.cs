using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>One tier as the semantics see it: its rank, its name (the jurisdiction, for an immutable tier) and the tiers it sits within.</summary>
/// <param name="Rank">Immutable, organisation or user.</param>
/// <param name="Name">The jurisdiction of an immutable tier, else the organisation's or user tier's name.</param>
/// <param name="Within">
/// Indexes of the tiers this tier narrows. For a law, the laws of the jurisdictions it sits within (DE within EU),
/// which apply wherever it does; for other tiers, informative only.
/// </param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeTier(TierRank Rank, string Name, ImmutableArray<int> Within = default);
