using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>One preference a user may personalise, in one jurisdiction.</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="JsonName">Its property name in preference files.</param>
/// <param name="Description">One line describing it, or null.</param>
/// <param name="Default">The value a new user is granted when nothing is known about them.</param>
/// <param name="Allows">What a user may choose when nothing is known about them (every conditional bound applies).</param>
/// <param name="AllowsWhenNoFactHolds">What a user may choose when every fact is known and none holds, or null when that is the same.</param>
/// <param name="WhenFacts">What a user may choose when one fact holds (and no other), where that differs from when none holds.</param>
/// <param name="Bounds">Every bound the jurisdiction's tiers set on it, higher tiers first.</param>
/// <param name="Enables">Benefits the preference enables.</param>
/// <param name="Mitigates">Risks the preference mitigates.</param>
public sealed record CardDimension(
    string Name,
    string JsonName,
    string? Description,
    string Default,
    string Allows,
    string? AllowsWhenNoFactHolds,
    ImmutableArray<CardFactCase> WhenFacts,
    ImmutableArray<CardBound> Bounds,
    ImmutableArray<CardLink> Enables,
    ImmutableArray<CardLink> Mitigates);
