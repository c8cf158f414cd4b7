using System;
using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>Questions the checks ask of a policy model: which bounds bind a tier's choices in a jurisdiction.</summary>
internal sealed class PolicyView
{
    public PolicyView(PolicyModel policy)
    {
        Policy = policy;
        Index = new PolicyIndex(policy);
        var jurisdictions = policy.Jurisdictions;
        Jurisdictions = jurisdictions.Count == 0 ? [-1] : Enumerable.Range(0, jurisdictions.Count).ToArray();
    }

    public PolicyModel Policy { get; }

    /// <summary>The policy's bounds and claims by dimension.</summary>
    public PolicyIndex Index { get; }

    /// <summary>Jurisdiction indexes to check separately; -1 alone when the policy has no law tier.</summary>
    public IReadOnlyList<int> Jurisdictions { get; }

    public string JurisdictionName(int jurisdiction) => jurisdiction < 0 ? string.Empty : Policy.Jurisdictions[jurisdiction];

    public bool TierApplies(int tier, int jurisdiction) => Index.TierApplies(tier, jurisdiction);

    /// <summary>
    /// The bounds that always bind a value chosen by <paramref name="tier"/> on a dimension in a jurisdiction:
    /// unconditional bounds of higher ranks (and, with <paramref name="includeOwnTier"/>, the tier's own),
    /// minus those the tier validly waives. Conditional bounds are left to run time.
    /// </summary>
    public IEnumerable<BoundModel> Binding(int dimension, int tier, int jurisdiction, bool includeOwnTier)
    {
        var rank = Policy.Tiers[tier].Rank;
        foreach (var bound in Index.BoundsOn(dimension))
        {
            if (bound.IsConditional || !TierApplies(bound.Tier, jurisdiction))
            {
                continue;
            }

            var higher = Policy.Tiers[bound.Tier].Rank < rank;
            if (!(higher || (includeOwnTier && bound.Tier == tier)) || (higher && IsWaivedBy(bound, rank)))
            {
                continue;
            }

            yield return bound;
        }
    }

    public bool IsWaivedBy(BoundModel bound, int rank) =>
        bound.WaivableBy == rank
        && Index.ClaimsOn(bound.Dimension, bound.Tier).Any(w => Policy.Tiers[w.Claimant].Rank == rank);

    public static Bound Intersect(DimensionModel dimension, IEnumerable<BoundModel> bounds)
    {
        var result = dimension.Domain;
        foreach (var bound in bounds)
        {
            result = Lattice.Intersect(result, bound.Bound);
        }

        return result;
    }

    public string Tier(int tier)
    {
        var model = Policy.Tiers[tier];
        var type = model.TypeName.Substring(model.TypeName.LastIndexOf('.') + 1);
        return model.Rank switch
        {
            Ranks.Immutable => $"the {model.Name} law tier {type}",
            Ranks.Organisation => $"organisation {model.Name}",
            _ => $"user tier {type}",
        };
    }

    public string TierType(int tier)
    {
        var name = Policy.Tiers[tier].TypeName;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    public static string Describe(BoundModel bound) =>
        bound.IsConditional ? $"{bound.Source} ({FactNames.Condition(bound.When, bound.Unless)})" : bound.Source;
}
