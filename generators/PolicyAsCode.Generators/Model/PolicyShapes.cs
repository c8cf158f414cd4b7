using System.Collections.Immutable;

namespace PolicyAsCode.Generators.Model;

/// <summary>The semantics' view of a policy read from source: the same <see cref="PolicyShape"/> the registry gives at run time.</summary>
internal static class PolicyShapes
{
    public static PolicyShape ToShape(this PolicyModel policy)
    {
        var tiers = ImmutableArray.CreateBuilder<ShapeTier>(policy.Tiers.Count);
        foreach (var tier in policy.Tiers)
        {
            tiers.Add(new ShapeTier((TierRank)tier.Rank, tier.Name, tier.Within.ToImmutableArray()));
        }

        var dimensions = ImmutableArray.CreateBuilder<ShapeDimension>(policy.Dimensions.Count);
        var values = ImmutableArray.CreateBuilder<ShapeValue>();
        foreach (var dimension in policy.Dimensions)
        {
            dimensions.Add(new ShapeDimension(dimension.Domain, dimension.HigherIsStricter, dimension.Learnable));
        }

        foreach (var tierDefault in policy.Defaults)
        {
            values.Add(new ShapeValue(tierDefault.Tier, tierDefault.Dimension, tierDefault.Value));
        }

        foreach (var dimension in policy.Dimensions)
        {
            if (dimension.HasInitialiser)
            {
                values.Add(new ShapeValue(policy.Tiers.Count - 1, dimension.Index, dimension.Default));
            }
        }

        var bounds = ImmutableArray.CreateBuilder<ShapeBound>(policy.Bounds.Count);
        foreach (var bound in policy.Bounds)
        {
            bounds.Add(new ShapeBound(
                bound.Index,
                bound.Dimension,
                bound.Tier,
                bound.Bound,
                new Condition((Fact)bound.When, (Fact)bound.Unless),
                bound.WaivableBy == Ranks.None ? null : (TierRank)bound.WaivableBy));
        }

        var claims = ImmutableArray.CreateBuilder<ShapeClaim>(policy.Waivers.Count);
        foreach (var claim in policy.Waivers)
        {
            claims.Add(new ShapeClaim(claim.Claimant, claim.Dimension, claim.Waived, new Condition((Fact)claim.When, Fact.None), claim.IsDelegated));
        }

        var neverTogether = ImmutableArray.CreateBuilder<Fact>(policy.NeverTogether.Count);
        foreach (var set in policy.NeverTogether)
        {
            neverTogether.Add((Fact)set);
        }

        var learning = ImmutableArray.CreateBuilder<ShapeLearningRule>(policy.Learning.Count);
        foreach (var rule in policy.Learning)
        {
            learning.Add(new ShapeLearningRule(rule.Tier, rule.Dimension, rule.NotLearnable, rule.Range));
        }

        return new PolicyShape(tiers.MoveToImmutable(), dimensions.MoveToImmutable(), bounds.MoveToImmutable(), claims.MoveToImmutable(), values.ToImmutable(), neverTogether.MoveToImmutable(), learning.MoveToImmutable());
    }
}
