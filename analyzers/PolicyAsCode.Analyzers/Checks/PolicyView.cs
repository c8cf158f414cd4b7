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
        var jurisdictions = policy.Jurisdictions;
        Jurisdictions = jurisdictions.Count == 0 ? [-1] : Enumerable.Range(0, jurisdictions.Count).ToArray();
    }

    public PolicyModel Policy { get; }

    /// <summary>Jurisdiction indexes to check separately; -1 alone when the policy has no law tier.</summary>
    public IReadOnlyList<int> Jurisdictions { get; }

    public string JurisdictionName(int jurisdiction) => jurisdiction < 0 ? string.Empty : Policy.Jurisdictions[jurisdiction];

    public bool TierApplies(int tier, int jurisdiction)
    {
        var model = Policy.Tiers[tier];
        return model.Rank != Ranks.Immutable || jurisdiction < 0
            || string.Equals(model.Name, Policy.Jurisdictions[jurisdiction], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The bounds that always bind a value chosen by <paramref name="tier"/> on a dimension in a jurisdiction:
    /// unconditional bounds of higher ranks (and, with <paramref name="includeOwnTier"/>, the tier's own),
    /// minus those the tier validly waives. Conditional bounds are left to run time.
    /// </summary>
    public IEnumerable<BoundModel> Binding(int dimension, int tier, int jurisdiction, bool includeOwnTier)
    {
        var rank = Policy.Tiers[tier].Rank;
        foreach (var bound in Policy.Bounds)
        {
            if (bound.Dimension != dimension || bound.IsConditional || !TierApplies(bound.Tier, jurisdiction))
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
        && Policy.Waivers.Any(w => w.IsDelegated && w.Dimension == bound.Dimension && w.Waived == bound.Tier && Policy.Tiers[w.Claimant].Rank == rank);

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
