using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// Builds a new <see cref="PolicyRegistry"/> from a compiled one with extra bounds and hazard rules added to
/// existing tiers (runtime overlays use it to narrow an organisation's bounds). The result keeps the canonical
/// order every evaluator relies on: bounds by tier (higher ranks first), each tier's added bounds after the ones
/// it was compiled with; hazard rules by tier, the user's own list last. Every index is renumbered.
/// The builder checks shapes only; whether an added bound narrows is the caller's question (see <see cref="Lattice.IsWithin"/>).
/// Internal for that reason: it can build a registry that widens a higher tier, so only the overlay compiler (which
/// rejects any widening) and tests use it.
/// </summary>
internal sealed class PolicyRegistryBuilder
{
    private readonly PolicyRegistry _source;
    private readonly List<BoundRule> _addedBounds = [];
    private readonly List<ForbidRule> _addedForbids = [];

    /// <summary>Starts from <paramref name="source"/>; nothing is added yet.</summary>
    public PolicyRegistryBuilder(PolicyRegistry source) => _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The registry the builder started from.</summary>
    public PolicyRegistry Source => _source;

    /// <summary>How many bounds and hazard rules were added.</summary>
    public int AddedCount => _addedBounds.Count + _addedForbids.Count;

    /// <summary>
    /// Adds a bound set by tier <paramref name="tier"/> on dimension <paramref name="dimension"/>, confined to where the
    /// law tier <paramref name="underLaw"/> applies when one is given (<see cref="BoundRule.UnderLaw"/>).
    /// The bound is intersected with the dimension's domain, as compiled bounds are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tier or dimension does not exist, or <paramref name="underLaw"/> is not a law tier.</exception>
    /// <exception cref="ArgumentException">The bound is of another kind than the dimension, or the form is not supported on it.</exception>
    public PolicyRegistryBuilder AddBound(
        int tier,
        int dimension,
        BoundForm form,
        Bound bound,
        Condition condition,
        string source,
        string? reason = null,
        ImmutableArray<Benefit> enables = default,
        ImmutableArray<Risk> mitigates = default,
        int underLaw = -1)
    {
        CheckTier(tier);
        if (underLaw >= 0 && (underLaw >= _source.Tiers.Length || _source.Tiers[underLaw].Rank != TierRank.Immutable))
        {
            throw new ArgumentOutOfRangeException(nameof(underLaw), underLaw, "A bound can only be confined to where a law tier applies.");
        }

        if (dimension < 0 || dimension >= _source.Dimensions.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The policy has no such dimension.");
        }

        var info = _source.Dimensions[dimension];
        if (bound.Kind != info.Kind)
        {
            throw new ArgumentException($"A {bound.Kind} bound cannot narrow the {info.Kind} dimension {info.Name}.", nameof(bound));
        }

        if (!Lattice.Supports(info.Kind, form))
        {
            throw new ArgumentException($"{form} cannot be written on the {info.Kind} dimension {info.Name}.", nameof(form));
        }

        ArgumentNullException.ThrowIfNull(source);
        _addedBounds.Add(new BoundRule(
            -1, dimension, tier, form, Lattice.Intersect(info.Domain, bound), condition, null, source, reason,
            enables.IsDefault ? [] : enables, mitigates.IsDefault ? [] : mitigates, underLaw < 0 ? -1 : underLaw));
        return this;
    }

    /// <summary>Adds a rule of tier <paramref name="tier"/> forbidding <paramref name="hazards"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tier does not exist.</exception>
    /// <exception cref="ArgumentException">No hazard is named.</exception>
    public PolicyRegistryBuilder AddForbid(int tier, Hazard hazards, Condition condition, string? reason = null, ImmutableArray<Risk> mitigates = default)
    {
        CheckTier(tier);
        if (hazards == Hazard.None)
        {
            throw new ArgumentException("A hazard rule must forbid at least one hazard.", nameof(hazards));
        }

        _addedForbids.Add(new ForbidRule(-1, tier, hazards, condition, reason, null, mitigates.IsDefault ? [] : mitigates));
        return this;
    }

    /// <summary>The registry with every added rule in canonical order.</summary>
    /// <exception cref="ArgumentException">The result would hold more than <see cref="PolicyRegistry.MaxForbidRules"/> hazard rules.</exception>
    public PolicyRegistry Build()
    {
        if (AddedCount == 0)
        {
            return _source;
        }

        var bounds = ImmutableArray.CreateBuilder<BoundRule>(_source.Bounds.Length + _addedBounds.Count);
        var forbids = ImmutableArray.CreateBuilder<ForbidRule>(_source.Forbids.Length + _addedForbids.Count);
        for (var tier = 0; tier < _source.Tiers.Length; tier++)
        {
            foreach (var rule in _source.Bounds)
            {
                if (rule.Tier == tier)
                {
                    bounds.Add(rule with { Index = bounds.Count });
                }
            }

            foreach (var rule in _addedBounds)
            {
                if (rule.Tier == tier)
                {
                    bounds.Add(rule with { Index = bounds.Count });
                }
            }

            foreach (var rule in _source.Forbids)
            {
                if (rule.Tier == tier && rule.Dimension is null)
                {
                    forbids.Add(rule with { Index = forbids.Count });
                }
            }

            foreach (var rule in _addedForbids)
            {
                if (rule.Tier == tier)
                {
                    forbids.Add(rule with { Index = forbids.Count });
                }
            }
        }

        // The user's own list is always the last rule, whichever tier it belongs to.
        foreach (var rule in _source.Forbids)
        {
            if (rule.Dimension is not null)
            {
                forbids.Add(rule with { Index = forbids.Count });
            }
        }

        return new PolicyRegistry(
            _source.Name, _source.Tiers, _source.Dimensions, bounds.MoveToImmutable(), forbids.MoveToImmutable(),
            _source.Waivers, _source.Defaults, _source.CustomHazards, _source.NeverTogether, _source.CustomBenefits, _source.CustomRisks);
    }

    private void CheckTier(int tier)
    {
        if (tier < 0 || tier >= _source.Tiers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "The policy has no such tier.");
        }
    }
}
