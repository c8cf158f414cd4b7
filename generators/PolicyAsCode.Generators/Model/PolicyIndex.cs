using System;
using System.Collections.Generic;

namespace PolicyAsCode.Generators.Model;

/// <summary>
/// A policy's bounds, defaults and waiver claims grouped by dimension, built once per emit or analysis. Everything
/// that asks "what bounds this dimension" asks here, so the cost of a policy grows linearly with its size instead
/// of with dimensions × bounds. Not part of the pipeline's model: it is derived, and holds no extra facts.
/// </summary>
internal sealed class PolicyIndex
{
    private readonly List<BoundModel>[] _bounds;
    private readonly List<DefaultModel>[] _defaults;
    private readonly Dictionary<(int Dimension, int Waived), List<WaiverModel>> _claims = [];

    public PolicyIndex(PolicyModel policy)
    {
        Policy = policy;
        _bounds = Group<BoundModel>(policy.Dimensions.Count);
        _defaults = Group<DefaultModel>(policy.Dimensions.Count);
        foreach (var bound in policy.Bounds)
        {
            _bounds[bound.Dimension].Add(bound);
        }

        foreach (var tierDefault in policy.Defaults)
        {
            _defaults[tierDefault.Dimension].Add(tierDefault);
        }

        foreach (var claim in policy.Waivers)
        {
            if (!claim.IsDelegated)
            {
                continue;
            }

            if (!_claims.TryGetValue((claim.Dimension, claim.Waived), out var list))
            {
                _claims[(claim.Dimension, claim.Waived)] = list = [];
            }

            list.Add(claim);
        }

        Shape = policy.ToShape();
    }

    public PolicyModel Policy { get; }

    /// <summary>The policy as the semantics see it, shared with run time.</summary>
    public PolicyShape Shape { get; }

    /// <summary>The bounds on a dimension, in model order (by tier, then as written).</summary>
    public IReadOnlyList<BoundModel> BoundsOn(int dimension) => _bounds[dimension];

    /// <summary>Higher tiers' defaults for a dimension, in model order.</summary>
    public IReadOnlyList<DefaultModel> DefaultsOn(int dimension) => _defaults[dimension];

    /// <summary>The delegated claims of a waiver of <paramref name="waivedTier"/>'s bounds on a dimension.</summary>
    public IReadOnlyList<WaiverModel> ClaimsOn(int dimension, int waivedTier) =>
        _claims.TryGetValue((dimension, waivedTier), out var list) ? list : Array.Empty<WaiverModel>();

    /// <summary>The jurisdiction index of an immutable tier; -1 for other tiers.</summary>
    public int JurisdictionOf(int tier) => Shape.JurisdictionOf(tier);

    /// <summary>Whether a tier applies under a jurisdiction index (-1: none matched, so every law applies).</summary>
    public bool TierApplies(int tier, int jurisdiction) => Shape.TierApplies(tier, jurisdiction);

    private static List<T>[] Group<T>(int count)
    {
        var groups = new List<T>[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = [];
        }

        return groups;
    }
}
