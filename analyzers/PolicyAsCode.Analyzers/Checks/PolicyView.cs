using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>A policy model with its index and its semantic shape, and how the checks name its parts in messages.</summary>
internal sealed class PolicyView
{
    public PolicyView(PolicyModel policy)
    {
        Policy = policy;
        Index = new PolicyIndex(policy);
    }

    public PolicyModel Policy { get; }

    /// <summary>The policy's bounds and claims by dimension.</summary>
    public PolicyIndex Index { get; }

    /// <summary>The policy as the run-time semantics see it: every binding question is asked of this.</summary>
    public PolicyShape Shape => Index.Shape;

    /// <summary>A jurisdiction with the ones it sits within, as the run time names it: "EU", "DE within EU".</summary>
    public string Jurisdiction(int jurisdiction) => Wording.Jurisdiction(Shape, jurisdiction);

    public string Tier(int tier)
    {
        var model = Policy.Tiers[tier];
        return Wording.TierInSource((TierRank)model.Rank, model.Name, TierType(tier));
    }

    public string TierType(int tier)
    {
        var name = Policy.Tiers[tier].TypeName;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    public static string Describe(BoundModel bound) =>
        bound.IsConditional ? $"{bound.Source} ({Wording.Condition(new Condition((Fact)bound.When, (Fact)bound.Unless))})" : bound.Source;
}
