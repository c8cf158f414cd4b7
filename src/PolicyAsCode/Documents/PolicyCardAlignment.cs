using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>Whether and how far one preference may be learned from feedback in one jurisdiction.</summary>
/// <param name="Dimension">The preference's name.</param>
/// <param name="Learnable">Whether feedback may move it here.</param>
/// <param name="Within">What learning may reach here when nothing is known about the user (its learning range met with the bounds), in words; null when not learnable.</param>
/// <param name="Range">The tier that narrowed learning, and the rule as written ("organisation contoso-learning's LearnWithin(...)"), or null.</param>
/// <param name="OffBy">The tier that switches learning off here, or null.</param>
/// <param name="Reason">Why, as the tier's author wrote it, or null.</param>
public sealed record CardLearning(string Dimension, bool Learnable, string? Within, string? Range, string? OffBy, string? Reason);

/// <summary>Learning in one jurisdiction: every preference the user tier marks learnable.</summary>
/// <param name="Name">The jurisdiction.</param>
/// <param name="Dimensions">The learnable-marked preferences, in declaration order.</param>
public sealed record CardAlignmentJurisdiction(string Name, ImmutableArray<CardLearning> Dimensions);

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
