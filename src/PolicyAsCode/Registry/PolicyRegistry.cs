using System;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode;

/// <summary>
/// A compiled policy as data: its tiers, jurisdictions, dimensions, bounds, conditions, waivers, defaults,
/// hazard rules and taxonomy links. The generator emits one per user tier; the reference interpreter,
/// tools and documentation read it.
/// </summary>
public sealed class PolicyRegistry
{
    /// <summary>Creates a registry. Lists must already be in canonical order (tiers from highest rank, bounds by tier).</summary>
    /// <exception cref="ArgumentException">
    /// More hazard rules than <see cref="MaxForbidRules"/>, or a custom benefit or risk that is not one of Custom1 to Custom8,
    /// is declared twice, or has an id that is not of the shipped form at its level, is shipped, or is taken.
    /// </exception>
    public PolicyRegistry(
        string name,
        ImmutableArray<TierInfo> tiers,
        ImmutableArray<DimensionInfo> dimensions,
        ImmutableArray<BoundRule> bounds,
        ImmutableArray<ForbidRule> forbids,
        ImmutableArray<WaiverClaim> waivers,
        ImmutableArray<TierDefault> defaults,
        ImmutableArray<HazardInfo> customHazards,
        ImmutableArray<Fact> neverTogether = default,
        ImmutableArray<BenefitInfo> customBenefits = default,
        ImmutableArray<RiskInfo> customRisks = default,
        ImmutableArray<LearningRule> learningRules = default)
    {
        // Decisions track applicable hazard rules in a 64-bit mask; more rules would share bits and misname refusals.
        if (forbids.Length > MaxForbidRules)
        {
            throw new ArgumentException($"A policy may have at most {MaxForbidRules} hazard rules; this one has {forbids.Length}.", nameof(forbids));
        }

        Name = name;
        Tiers = tiers;
        Dimensions = dimensions;
        Bounds = bounds;
        Forbids = forbids;
        Waivers = waivers;
        Defaults = defaults;
        CustomHazards = customHazards;
        CustomBenefits = CustomTaxonomy.Checked(customBenefits, "benefit", b => (int)b.Benefit, b => b.Entry, nameof(customBenefits));
        CustomRisks = CustomTaxonomy.Checked(customRisks, "risk", r => (int)r.Risk, r => r.Entry, nameof(customRisks));

        NeverTogether = neverTogether.IsDefault ? [] : neverTogether;
        LearningRules = learningRules.IsDefault ? [] : learningRules;
        Shape = BuildShape();
        Jurisdictions = Shape.Jurisdictions;
        Tiers = WithEnclosingLaws(tiers, Shape);

        var known = Taxonomy.Shipped;
        foreach (var custom in customHazards)
        {
            known |= custom.Hazard;
        }

        KnownHazards = known;
    }

    /// <summary>The most hazard rules one policy may have.</summary>
    public const int MaxForbidRules = 64;

    /// <summary>The policy's name: the user tier's full type name.</summary>
    public string Name { get; }

    /// <summary>Every tier, higher ranks first; the user tier is last.</summary>
    public ImmutableArray<TierInfo> Tiers { get; }

    /// <summary>The distinct jurisdictions of the immutable tiers, in tier order.</summary>
    public ImmutableArray<string> Jurisdictions { get; }

    /// <summary>Every dimension, in the user tier's declaration order.</summary>
    public ImmutableArray<DimensionInfo> Dimensions { get; }

    /// <summary>Every bound, ordered by tier (higher first), then as written.</summary>
    public ImmutableArray<BoundRule> Bounds { get; }

    /// <summary>Every hazard rule: tiers' rules first, in tier order, then the user's own.</summary>
    public ImmutableArray<ForbidRule> Forbids { get; }

    /// <summary>Every waiver claimed by a lower tier.</summary>
    public ImmutableArray<WaiverClaim> Waivers { get; }

    /// <summary>Higher tiers' soft defaults.</summary>
    public ImmutableArray<TierDefault> Defaults { get; }

    /// <summary>The project's own hazard categories.</summary>
    public ImmutableArray<HazardInfo> CustomHazards { get; }

    /// <summary>The project's own benefits (<c>[assembly: BenefitCategory]</c>), in declaration order.</summary>
    public ImmutableArray<BenefitInfo> CustomBenefits { get; }

    /// <summary>The project's own risks (<c>[assembly: RiskCategory]</c>), in declaration order.</summary>
    public ImmutableArray<RiskInfo> CustomRisks { get; }

    /// <summary>Every hazard bit this policy can name; a detected bit outside it is refused.</summary>
    public Hazard KnownHazards { get; }

    /// <summary>Sets of facts the policy's assembly declares never hold together (<c>[assembly: NeverTogether(...)]</c>).</summary>
    public ImmutableArray<Fact> NeverTogether { get; }

    /// <summary>Every <c>[NotLearnable]</c> and <c>[LearnWithin]</c> rule, by tier then as written (<see cref="LearningScope"/> answers what they mean).</summary>
    public ImmutableArray<LearningRule> LearningRules { get; }

    /// <summary>The policy as the semantics see it: what <see cref="Binding"/> and <see cref="OverrideCheck"/> ask, at run time as at build time.</summary>
    public PolicyShape Shape { get; }

    /// <summary>The user tier.</summary>
    public TierInfo UserTier => Tiers[Tiers.Length - 1];

    /// <summary>The index of the jurisdiction a context names, or -1 when it names none of this policy's.</summary>
    public int MatchJurisdiction(string? jurisdiction) => Shape.MatchJurisdiction(jurisdiction);

    /// <summary>
    /// Whether a tier applies under the matched jurisdiction: every organisation and user tier does; an immutable
    /// tier does when it is the matched jurisdiction's, or when no jurisdiction matched (then every law applies).
    /// </summary>
    public bool TierApplies(int tier, int jurisdiction) => Shape.TierApplies(tier, jurisdiction);

    /// <summary>The tier that set a bound.</summary>
    public TierInfo TierOf(BoundRule rule) => Tiers[rule.Tier];

    /// <summary>The dimension a bound narrows.</summary>
    public DimensionInfo DimensionOf(BoundRule rule) => Dimensions[rule.Dimension];

    /// <summary>Finds a dimension by name, or null.</summary>
    public DimensionInfo? FindDimension(string name)
    {
        foreach (var dimension in Dimensions)
        {
            if (dimension.Name == name)
            {
                return dimension;
            }
        }

        return null;
    }

    // Each law learns the chain of jurisdictions it sits within, so that wherever a tier is named ("law of DE within
    // EU") it reads the same, from the shape's one answer.
    private static ImmutableArray<TierInfo> WithEnclosingLaws(ImmutableArray<TierInfo> tiers, PolicyShape shape)
    {
        if (tiers.IsDefault)
        {
            return tiers;
        }

        var builder = ImmutableArray.CreateBuilder<TierInfo>(tiers.Length);
        for (var t = 0; t < tiers.Length; t++)
        {
            // Tiers may come from another registry (an overlay's builder, a test changing a law's Within): the
            // chain is always this shape's, never one carried over.
            var enclosing = shape.EnclosingNames(shape.JurisdictionOf(t));
            builder.Add(!tiers[t].EnclosingLaws.IsDefault && tiers[t].EnclosingLaws.SequenceEqual(enclosing) ? tiers[t] : tiers[t] with { EnclosingLaws = enclosing });
        }

        return builder.MoveToImmutable();
    }

    private PolicyShape BuildShape()
    {
        var tiers = ImmutableArray.CreateBuilder<ShapeTier>(Tiers.Length);
        foreach (var tier in Tiers)
        {
            tiers.Add(new ShapeTier(tier.Rank, tier.Name, tier.Within));
        }

        var dimensions = ImmutableArray.CreateBuilder<ShapeDimension>(Dimensions.Length);
        var values = ImmutableArray.CreateBuilder<ShapeValue>();
        foreach (var dimension in Dimensions)
        {
            dimensions.Add(new ShapeDimension(dimension.Domain, dimension.HigherIsStricter, dimension.Learnable));
        }

        foreach (var tierDefault in Defaults)
        {
            values.Add(new ShapeValue(tierDefault.Tier, tierDefault.Dimension, tierDefault.Value));
        }

        foreach (var dimension in Dimensions)
        {
            if (dimension.HasInitialiser)
            {
                values.Add(new ShapeValue(Tiers.Length - 1, dimension.Index, dimension.Default));
            }
        }

        var bounds = ImmutableArray.CreateBuilder<ShapeBound>(Bounds.Length);
        foreach (var rule in Bounds)
        {
            bounds.Add(new ShapeBound(rule.Index, rule.Dimension, rule.Tier, rule.Bound, rule.Condition, rule.WaivableBy, rule.UnderLaw));
        }

        var claims = ImmutableArray.CreateBuilder<ShapeClaim>(Waivers.Length);
        foreach (var claim in Waivers)
        {
            claims.Add(new ShapeClaim(claim.Claimant, claim.Dimension, claim.Waived, claim.Condition, claim.IsDelegated));
        }

        var learning = ImmutableArray.CreateBuilder<ShapeLearningRule>(LearningRules.Length);
        foreach (var rule in LearningRules)
        {
            learning.Add(new ShapeLearningRule(rule.Tier, rule.Dimension, rule.NotLearnable, rule.Range));
        }

        return new PolicyShape(tiers.MoveToImmutable(), dimensions.MoveToImmutable(), bounds.MoveToImmutable(), claims.MoveToImmutable(), values.ToImmutable(), NeverTogether, learning.MoveToImmutable());
    }
}
