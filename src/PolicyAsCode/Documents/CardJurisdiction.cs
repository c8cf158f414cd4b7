using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>The policy as it applies in one jurisdiction.</summary>
/// <param name="Name">The jurisdiction.</param>
/// <param name="Within">
/// The jurisdictions it sits within, nearest first (DE-BY: DE, EU), whose laws apply there too; empty for a
/// jurisdiction within none.
/// </param>
/// <param name="Laws">The laws that apply there, outermost first, each with its level: "law of EU", "law of DE within EU".</param>
/// <param name="Tiers">The tiers that apply there, higher first.</param>
/// <param name="Dimensions">Every preference, in declaration order.</param>
/// <param name="Forbids">Every hazard rule that applies there.</param>
/// <param name="Waivers">Every waiver of a bound that applies there.</param>
public sealed record CardJurisdiction(
    string Name,
    ImmutableArray<string> Within,
    ImmutableArray<string> Laws,
    ImmutableArray<string> Tiers,
    ImmutableArray<CardDimension> Dimensions,
    ImmutableArray<CardHazardRule> Forbids,
    ImmutableArray<CardWaiver> Waivers);
