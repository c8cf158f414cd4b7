using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>A benefit, risk or hazard of the taxonomy, as the card names it.</summary>
/// <param name="Id">Stable id, e.g. <c>risk.individual.privacy-infringement</c> or <c>hazard.S12</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="Description">One line in plain words.</param>
public sealed record CardLink(string Id, string Title, string Description);

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

/// <summary>What a preference allows when one fact is established and no other fact holds.</summary>
/// <param name="Fact">The fact, in words.</param>
/// <param name="Allows">What the preference allows then, in words.</param>
public sealed record CardFactCase(string Fact, string Allows);

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

/// <summary>A lower tier's claim of a waiver of a higher tier's bound.</summary>
/// <param name="Dimension">The preference.</param>
/// <param name="WaivedTier">The tier whose bound is waived.</param>
/// <param name="Bounds">The waived bounds as written, e.g. <c>Locked(true)</c>.</param>
/// <param name="Claimant">The tier claiming the waiver.</param>
/// <param name="Condition">When the waiver holds (its facts must be established), or null when always.</param>
/// <param name="IsDelegated">Whether the higher tier delegated the waiver to the claimant; an undelegated claim has no effect.</param>
public sealed record CardWaiver(string Dimension, string WaivedTier, string Bounds, string Claimant, string? Condition, bool IsDelegated);

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
