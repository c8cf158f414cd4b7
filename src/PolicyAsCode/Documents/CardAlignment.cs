using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>
/// The card's alignment section: whose feedback may personalise the assistant, and how far. It names the datasheet of
/// the feedback a model was trained on, and per jurisdiction which preferences feedback may move, within what, and
/// where a tier switches learning off.
/// </summary>
/// <param name="Datasheet">Where the feedback datasheet is published, or null when none is.</param>
/// <param name="Jurisdictions">Learning per jurisdiction, in registry order.</param>
public sealed record CardAlignment(string? Datasheet, ImmutableArray<CardAlignmentJurisdiction> Jurisdictions)
{
    /// <summary>Builds the section for a policy, asking <see cref="LearningScope"/> in each jurisdiction.</summary>
    public static CardAlignment Of(PolicyRegistry registry, string? datasheet)
    {
        var jurisdictions = ImmutableArray.CreateBuilder<CardAlignmentJurisdiction>();
        for (var j = 0; j < registry.Jurisdictions.Length; j++)
        {
            var dimensions = ImmutableArray.CreateBuilder<CardLearning>();
            foreach (var dimension in registry.Dimensions)
            {
                if (dimension.Learnable)
                {
                    dimensions.Add(Learning(registry, dimension, j));
                }
            }

            jurisdictions.Add(new CardAlignmentJurisdiction(registry.Jurisdictions[j], dimensions.ToImmutable()));
        }

        return new CardAlignment(datasheet, jurisdictions.ToImmutable());
    }

    private static CardLearning Learning(PolicyRegistry registry, DimensionInfo dimension, int j)
    {
        var scope = LearningScope.Of(registry.Shape, dimension.Index, j);
        LearningRule? rule = null;
        foreach (var candidate in registry.LearningRules)
        {
            if (candidate.Tier == scope.Tier && candidate.Dimension == dimension.Index && candidate.NotLearnable == (scope.Verdict == LearningVerdict.SwitchedOff))
            {
                rule = candidate;
            }
        }

        var tier = scope.Tier >= 0 ? PolicyWording.Tier(registry.Tiers[scope.Tier]) : null;
        if (!scope.IsLearnable)
        {
            return new CardLearning(dimension.Name, false, null, null, tier, rule?.Reason);
        }

        var reach = LearningScope.Reach(registry.Shape, dimension.Index, j, PolicyContext.In(registry.Jurisdictions[j]));
        return new CardLearning(
            dimension.Name,
            true,
            Lattice.IsEmpty(reach) ? "nothing: the bounds leave learning no value" : PolicyWording.Allows(dimension, reach),
            rule is null || tier is null ? null : tier + "'s " + rule.Source,
            null,
            rule?.Reason);
    }
}
