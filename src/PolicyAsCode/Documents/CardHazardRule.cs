using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>A tier's rule refusing content that shows some hazards, or the user's own list of hazards to avoid.</summary>
/// <param name="Tier">The tier that set it.</param>
/// <param name="Rank">The tier's rank.</param>
/// <param name="Hazards">The hazards refused (for the user's own list: the hazards a user may list).</param>
/// <param name="Condition">When it applies, or null when always.</param>
/// <param name="Reason">Why it exists, or null.</param>
/// <param name="UserList">For the user's own list: the preference holding it (its JSON name); otherwise null.</param>
/// <param name="Mitigates">Risks it mitigates.</param>
public sealed record CardHazardRule(
    string Tier,
    TierRank Rank,
    ImmutableArray<CardLink> Hazards,
    string? Condition,
    string? Reason,
    string? UserList,
    ImmutableArray<CardLink> Mitigates);
