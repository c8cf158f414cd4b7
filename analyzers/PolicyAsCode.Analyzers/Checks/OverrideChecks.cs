using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>
/// PAC0001 and PAC0002: lower-tier values and bounds measured against the bounds of the tiers above them,
/// once per jurisdiction, because an organisation deployed in several answers to each law separately.
/// </summary>
internal static class OverrideChecks
{
    /// <summary>Every default of every tier, and every bound of the lower tiers.</summary>
    public static IEnumerable<PolicyFinding> Check(PolicyView view)
    {
        var policy = view.Policy;
        var userTier = policy.Tiers.Count - 1;
        foreach (var dimension in policy.Dimensions)
        {
            if (dimension.HasInitialiser)
            {
                foreach (var finding in CheckValue(view, dimension, userTier, dimension.Default, dimension.DefaultLocation, "default"))
                {
                    yield return finding;
                }
            }
        }

        foreach (var tierDefault in policy.Defaults)
        {
            var dimension = policy.Dimensions[tierDefault.Dimension];
            foreach (var finding in CheckValue(view, dimension, tierDefault.Tier, tierDefault.Value, tierDefault.Location, "default"))
            {
                yield return finding;
            }
        }

        foreach (var bound in policy.Bounds)
        {
            if (policy.Tiers[bound.Tier].Rank == Ranks.Immutable)
            {
                continue;
            }

            foreach (var finding in CheckBound(view, bound))
            {
                yield return finding;
            }
        }
    }

    /// <summary>A value a tier fixes (a default, or a value in a preset or rule) against the bounds that always bind it.</summary>
    public static IEnumerable<PolicyFinding> CheckValue(PolicyView view, DimensionModel dimension, int tier, DimensionValue value, SourceLocation? location, string what)
    {
        var reported = new HashSet<int>();
        var everywhere = dimension.Domain;
        var breaks = false;
        var findings = new List<PolicyFinding>();
        foreach (var jurisdiction in view.Jurisdictions)
        {
            var binding = view.Binding(dimension.Index, tier, jurisdiction, includeOwnTier: true).ToList();
            everywhere = Lattice.Intersect(everywhere, PolicyView.Intersect(dimension, binding));
            var broken = binding.FirstOrDefault(b => !Lattice.Contains(b.Bound, value));
            if (broken is null || !reported.Add(broken.Index))
            {
                continue;
            }

            breaks = true;
            var where = view.Policy.Tiers[broken.Tier].Rank == Ranks.Immutable ? $" in {view.JurisdictionName(jurisdiction)}" : string.Empty;
            var whose = broken.Tier == tier ? "its own" : view.Tier(broken.Tier) + "'s";
            findings.Add(new PolicyFinding(
                "PAC0001",
                $"The {what} {ValueText.Label(dimension, value)} of {view.TierType(tier)}.{dimension.Name} lies outside {whose} bound {PolicyView.Describe(broken)}{where}, which allows {ValueText.Bound(dimension, broken.Bound)}",
                location));
        }

        if (!breaks)
        {
            return findings;
        }

        // One fix for all jurisdictions: the value nearest to the one written that every jurisdiction allows.
        if (!Lattice.IsEmpty(everywhere))
        {
            var clamped = Lattice.Clamp(everywhere, value, dimension.HigherIsStricter);
            return findings.Select(f => f with { FixExpression = ValueText.CSharp(dimension, clamped), FixLabel = ValueText.Label(dimension, clamped) });
        }

        return findings;
    }

    private static IEnumerable<PolicyFinding> CheckBound(PolicyView view, BoundModel bound)
    {
        var policy = view.Policy;
        var dimension = policy.Dimensions[bound.Dimension];
        var rank = policy.Tiers[bound.Tier].Rank;
        var reported = new HashSet<int>();
        var everywhere = dimension.Domain;
        var overrides = new List<PolicyFinding>();
        foreach (var jurisdiction in view.Jurisdictions)
        {
            var higher = view.Binding(bound.Dimension, bound.Tier, jurisdiction, includeOwnTier: false).ToList();
            if (higher.Count == 0)
            {
                continue;
            }

            var effective = PolicyView.Intersect(dimension, higher);
            everywhere = Lattice.Intersect(everywhere, effective);
            var where = higher.Any(h => policy.Tiers[h.Tier].Rank == Ranks.Immutable) ? $" in {view.JurisdictionName(jurisdiction)}" : string.Empty;
            if (Lattice.IsEmpty(Lattice.Intersect(bound.Bound, effective)))
            {
                var culprit = higher.FirstOrDefault(h => Lattice.IsEmpty(Lattice.Intersect(bound.Bound, h.Bound)));
                if (culprit is not null && !reported.Add(culprit.Index))
                {
                    continue;
                }

                var against = culprit is null ? "the bounds of the tiers above it" : $"{view.Tier(culprit.Tier)}'s {PolicyView.Describe(culprit)}";
                overrides.Add(new PolicyFinding(
                    "PAC0001",
                    $"{view.Tier(bound.Tier)}'s {PolicyView.Describe(bound)} on {dimension.Name} leaves no value that {against} allows{where} ({ValueText.Bound(dimension, effective)})",
                    bound.ValueLocation ?? bound.Location));
            }
            else if (rank == Ranks.Organisation && !bound.IsConditional && Lattice.IsWithin(effective, bound.Bound))
            {
                // The bound allows everything the tiers above already allow: it changes nothing here.
                var wider = higher.FirstOrDefault(h => Lattice.IsWithin(h.Bound, bound.Bound)) ?? higher[0];
                if (!reported.Add(wider.Index))
                {
                    continue;
                }

                yield return new PolicyFinding(
                    "PAC0002",
                    $"{view.Tier(bound.Tier)}'s {PolicyView.Describe(bound)} on {dimension.Name} is no narrower than {view.Tier(wider.Tier)}'s {PolicyView.Describe(wider)}{where}, so it has no effect there ({ValueText.Bound(dimension, effective)} is allowed either way)",
                    bound.Location);
            }
        }

        if (overrides.Count == 0)
        {
            yield break;
        }

        var fix = bound.FirstValue is { } first && bound.Form is BoundForm.Locked or BoundForm.AtLeast or BoundForm.AtMost && !Lattice.IsEmpty(everywhere)
            ? Lattice.Clamp(everywhere, first, dimension.HigherIsStricter)
            : (DimensionValue?)null;
        foreach (var finding in overrides)
        {
            yield return fix is { } value
                ? finding with { FixExpression = ValueText.CSharp(dimension, value), FixLabel = ValueText.Label(dimension, value) }
                : finding;
        }
    }
}
