using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>One bound a tier sets on a preference, in words.</summary>
/// <param name="Tier">The tier that set it, e.g. "law of EU" or "organisation contoso-learning".</param>
/// <param name="Rank">The tier's rank.</param>
/// <param name="Source">The bound as written in the policy's source, e.g. <c>AtMost(Maturity.Teen)</c>.</param>
/// <param name="Allows">What it allows, in words.</param>
/// <param name="Condition">When it applies ("when the user is a minor"), or null when always.</param>
/// <param name="Reason">Why it exists, as its author wrote it, or null.</param>
/// <param name="WaivableBy">Who may waive it ("the user"), or null.</param>
/// <param name="Enables">Benefits it enables.</param>
/// <param name="Mitigates">Risks it mitigates.</param>
public sealed record CardBound(
    string Tier,
    TierRank Rank,
    string Source,
    string Allows,
    string? Condition,
    string? Reason,
    string? WaivableBy,
    ImmutableArray<CardLink> Enables,
    ImmutableArray<CardLink> Mitigates);
