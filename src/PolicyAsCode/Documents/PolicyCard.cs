using System;
using System.Collections.Immutable;
using System.Linq;
using PolicyAsCode.Json;

namespace PolicyAsCode.Documents;

/// <summary>
/// The policy card: who a policy aligns an assistant to, per jurisdiction. For every preference it says what a user
/// may choose, who set each bound, what the bound allows and why (reason and taxonomy), and the default; then the
/// content each tier refuses and the waivers. Written for an auditor or a regulator, rendered as Markdown
/// (<see cref="ToMarkdown"/>) and as JSON (<see cref="ToJson"/>); both are deterministic, so they can be reviewed
/// as diffs and snapshot-tested.
/// </summary>
/// <remarks>
/// Every "what a user may choose" is <see cref="PolicyInterpreter.Allowed"/> in the jurisdiction: with nothing known
/// about the user, every conditional bound applies and no conditional waiver holds.
/// </remarks>
public sealed class PolicyCard
{
    private PolicyCard(string policy, string userTier, ImmutableArray<string> organisations, ImmutableArray<CardJurisdiction> jurisdictions, CardAlignment alignment)
    {
        Policy = policy;
        UserTier = userTier;
        Organisations = organisations;
        Jurisdictions = jurisdictions;
        Alignment = alignment;
    }

    /// <summary>The policy's name: the user tier's full type name.</summary>
    public string Policy { get; }

    /// <summary>The user tier's name.</summary>
    public string UserTier { get; }

    /// <summary>The organisations whose tiers the policy holds, in tier order.</summary>
    public ImmutableArray<string> Organisations { get; }

    /// <summary>The policy in each of its jurisdictions, in registry order.</summary>
    public ImmutableArray<CardJurisdiction> Jurisdictions { get; }

    /// <summary>Whose feedback may personalise the assistant and how far: learnable preferences per jurisdiction, and the feedback datasheet.</summary>
    public CardAlignment Alignment { get; }

    /// <summary>Builds the card of a policy.</summary>
    /// <param name="registry">The policy, e.g. a generated user tier's <c>Registry</c>.</param>
    /// <returns>The card.</returns>
    public static PolicyCard Create(PolicyRegistry registry) => Create(registry, null);

    /// <summary>Builds the card of a policy, with what <paramref name="options"/> add (where the feedback datasheet is published).</summary>
    /// <param name="registry">The policy, e.g. a generated user tier's <c>Registry</c>.</param>
    /// <param name="options">What the card says beyond the policy; null for nothing.</param>
    /// <returns>The card.</returns>
    public static PolicyCard Create(PolicyRegistry registry, PolicyCardOptions? options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var interpreter = new PolicyInterpreter(registry);
        var organisations = ImmutableArray.CreateBuilder<string>();
        foreach (var tier in registry.Tiers)
        {
            if (tier.Rank == TierRank.Organisation)
            {
                organisations.Add(tier.Name);
            }
        }

        var jurisdictions = ImmutableArray.CreateBuilder<CardJurisdiction>();
        for (var j = 0; j < registry.Jurisdictions.Length; j++)
        {
            jurisdictions.Add(Jurisdiction(interpreter, j));
        }

        return new PolicyCard(registry.Name, registry.UserTier.Name, organisations.ToImmutable(), jurisdictions.ToImmutable(), CardAlignment.Of(registry, options?.Datasheet));
    }

    /// <summary>
    /// The card restricted to one of its jurisdictions (named as <see cref="PolicyRegistry.MatchJurisdiction"/> matches,
    /// ignoring case). For a jurisdiction within another (DE within EU), its part already holds the bounds, refusals
    /// and waivers of every law that applies there, each naming its level.
    /// </summary>
    /// <param name="jurisdiction">One of <see cref="Jurisdictions"/>' names.</param>
    /// <returns>A card holding that jurisdiction alone, or none when the policy has no such jurisdiction.</returns>
    public PolicyCard For(string jurisdiction) =>
        new(
            Policy,
            UserTier,
            Organisations,
            Jurisdictions.Where(j => string.Equals(j.Name, jurisdiction, StringComparison.OrdinalIgnoreCase)).ToImmutableArray(),
            Alignment with { Jurisdictions = Alignment.Jurisdictions.Where(j => string.Equals(j.Name, jurisdiction, StringComparison.OrdinalIgnoreCase)).ToImmutableArray() });

    /// <summary>The card as Markdown, with <c>"\n"</c> line endings.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => PolicyCardMarkdown.Write(this);

    /// <summary>The card as indented JSON, with <c>"\n"</c> line endings.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PolicyCardJson.Write(this);

    private static CardJurisdiction Jurisdiction(PolicyInterpreter interpreter, int j)
    {
        var registry = interpreter.Registry;
        var name = registry.Jurisdictions[j];
        var tiers = ImmutableArray.CreateBuilder<string>();
        var laws = ImmutableArray.CreateBuilder<string>();
        foreach (var tier in registry.Tiers)
        {
            if (registry.TierApplies(tier.Index, j))
            {
                tiers.Add(PolicyWording.Tier(tier));
                if (tier.Rank == TierRank.Immutable)
                {
                    laws.Add(PolicyWording.Tier(tier));
                }
            }
        }

        var dimensions = ImmutableArray.CreateBuilder<CardDimension>();
        foreach (var dimension in registry.Dimensions)
        {
            dimensions.Add(Dimension(interpreter, dimension, name, j));
        }

        var forbids = ImmutableArray.CreateBuilder<CardHazardRule>();
        foreach (var rule in registry.Forbids)
        {
            if (registry.TierApplies(rule.Tier, j))
            {
                var tier = registry.Tiers[rule.Tier];
                forbids.Add(new CardHazardRule(
                    PolicyWording.Tier(tier), tier.Rank, CardLinks.Of(registry, rule.Hazards), PolicyWording.Condition(rule.Condition), rule.Reason,
                    rule.Dimension is int own ? PreferenceNames.JsonName(registry.Dimensions[own].Name) : null,
                    CardLinks.Of(registry, rule.Mitigates)));
            }
        }

        var waivers = ImmutableArray.CreateBuilder<CardWaiver>();
        foreach (var claim in registry.Waivers)
        {
            if (registry.TierApplies(claim.Waived, j))
            {
                waivers.Add(Waiver(registry, claim));
            }
        }

        return new CardJurisdiction(
            name, registry.Shape.EnclosingNames(j), laws.ToImmutable(), tiers.ToImmutable(), dimensions.ToImmutable(), forbids.ToImmutable(), waivers.ToImmutable());
    }

    private static CardDimension Dimension(PolicyInterpreter interpreter, DimensionInfo dimension, string jurisdiction, int j)
    {
        var registry = interpreter.Registry;
        var unknown = PolicyContext.In(jurisdiction);
        var defaults = interpreter.Resolve(interpreter.Defaults(unknown), unknown).Effective;

        // Every fact known, none holding; then each fact holding on its own. On the user's hazard list, only the
        // hazards the policy can name are worded as a choice (OfferedFlags).
        var offered = OfferedFlags.Of(registry, dimension);
        var facts = PolicyWording.ConditionFacts(registry);
        var none = OfferedFlags.Within(interpreter.Allowed(dimension.Index, new PolicyContext(jurisdiction, Fact.None, facts)), offered);
        var allowed = OfferedFlags.Within(interpreter.Allowed(dimension.Index, unknown), offered);
        var cases = ImmutableArray.CreateBuilder<CardFactCase>();
        foreach (var fact in PolicyWording.Facts)
        {
            if ((facts & fact) == 0)
            {
                continue;
            }

            var holding = OfferedFlags.Within(interpreter.Allowed(dimension.Index, new PolicyContext(jurisdiction, fact, facts)), offered);
            if (holding != none)
            {
                cases.Add(new CardFactCase(PolicyWording.FactText(fact), PolicyWording.Allows(dimension, holding)));
            }
        }

        var bounds = ImmutableArray.CreateBuilder<CardBound>();
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == dimension.Index && Binding.InJurisdiction(registry.Shape, registry.Shape.Bounds[rule.Index], j))
            {
                var tier = registry.TierOf(rule);
                bounds.Add(new CardBound(
                    PolicyWording.Tier(tier), tier.Rank, rule.Source, PolicyWording.Allows(dimension, OfferedFlags.Within(rule.Bound, offered)), PolicyWording.Condition(rule.Condition),
                    rule.Reason, rule.WaivableBy is TierRank rank ? PolicyWording.Holders(rank) : null,
                    CardLinks.Of(registry, rule.Enables), CardLinks.Of(registry, rule.Mitigates)));
            }
        }

        return new CardDimension(
            dimension.Name,
            PreferenceNames.JsonName(dimension.Name),
            dimension.Description,
            PolicyWording.Value(dimension, defaults[dimension.Index]),
            PolicyWording.Allows(dimension, allowed),
            none != allowed ? PolicyWording.Allows(dimension, none) : null,
            cases.ToImmutable(),
            bounds.ToImmutable(),
            CardLinks.Of(registry, dimension.Enables),
            CardLinks.Of(registry, dimension.Mitigates));
    }

    private static CardWaiver Waiver(PolicyRegistry registry, WaiverClaim claim)
    {
        var claimant = registry.Tiers[claim.Claimant];
        var waived = new System.Collections.Generic.List<string>();
        foreach (var rule in registry.Bounds)
        {
            if (rule.Tier == claim.Waived && rule.Dimension == claim.Dimension && (rule.WaivableBy == claimant.Rank || !claim.IsDelegated))
            {
                waived.Add(rule.Source);
            }
        }

        return new CardWaiver(
            registry.Dimensions[claim.Dimension].Name,
            PolicyWording.Tier(registry.Tiers[claim.Waived]),
            waived.Count == 0 ? "no bound" : string.Join("; ", waived),
            PolicyWording.Tier(claimant),
            PolicyWording.Condition(claim.Condition),
            claim.IsDelegated);
    }
}
