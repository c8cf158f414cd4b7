using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Testing;

/// <summary>The rules one case exercised, by index into the registry's bounds, hazard rules and waiver claims.</summary>
internal sealed record Exercised(IReadOnlyList<int> Bounds, IReadOnlyList<int> Forbids, IReadOnlyList<int> Waivers);

/// <summary>
/// Which rules a case exercised (docs/testing-policies.md, "Coverage"). Whether a rule binds in the case's context is
/// the semantic kernel's answer (<see cref="Binding"/>, <see cref="Condition"/>); what the policy did is the outcome's.
/// This only says which of those a case put to the test:
/// <list type="bullet">
/// <item>a <b>bound</b> when it applies in the case's context (<see cref="Binding.Applies"/>) and either an adjustment of
/// the resolution cites it (a request beyond it was clamped, waived, failed closed to it, or it was skipped as a
/// contradiction), or the case asked for exactly the value at an end of the allowed range (<see cref="Binding.Allowed"/>)
/// that this bound draws, and was granted it;</item>
/// <item>a <b>hazard rule</b> when it is active in the resolution and the case's detected hazards hit it (for the user's
/// own list: hazards the user listed);</item>
/// <item>a <b>waiver</b> (a delegated claim) when it holds in the case's context (its facts established) and has an
/// effect there: for a user's waiver, the resolution grants a value under it; for an organisation's, a bound of the
/// waived tier that would otherwise apply there does not.</item>
/// </list>
/// </summary>
internal static class Exercise
{
    public static Exercised Of(BoundCase bound, CaseOutcome outcome)
    {
        var registry = bound.Registry;
        var shape = registry.Shape;
        var context = bound.Context;
        var j = bound.Jurisdiction;

        var bounds = new List<int>();
        foreach (var rule in shape.Bounds)
        {
            if (!Binding.Applies(shape, rule, j, context))
            {
                continue;
            }

            var d = rule.Dimension;
            var cited = outcome.Adjustments.Any(a => a.Rule?.Index == rule.Index);
            var atEdge = bound.Asked.Contains(d) && !outcome.Unreadable.Contains(d) && outcome.Requested[d] == outcome.Effective[d]
                && AtEnd(registry.Dimensions[d], rule.Bound, Binding.Allowed(shape, d, j, context), outcome.Effective[d]);
            if (cited || atEdge)
            {
                bounds.Add(rule.Index);
            }
        }

        var forbids = new List<int>();
        if (outcome.Decision is not null)
        {
            foreach (var rule in registry.Forbids)
            {
                var active = ((outcome.ActiveForbids >> rule.Index) & 1UL) != 0;
                var hit = rule.Dimension is int own ? bound.Detected & (Hazard)outcome.Effective[own].Bits : bound.Detected & rule.Hazards;
                if (active && hit != Hazard.None)
                {
                    forbids.Add(rule.Index);
                }
            }
        }

        var waivers = new List<int>();
        foreach (var claim in registry.Waivers)
        {
            if (!claim.IsDelegated || !claim.Condition.Loosens(context))
            {
                continue;
            }

            var rank = registry.Tiers[claim.Claimant].Rank;
            var effect = rank == TierRank.User
                ? outcome.Adjustments.Any(a => a.Cause == AdjustmentCause.Waived && a.Dimension.Index == claim.Dimension && a.Rule?.Tier == claim.Waived)
                : shape.BoundsOn(claim.Dimension).Any(b => b.Tier == claim.Waived && Binding.InJurisdiction(shape, b, j)
                    && b.Condition.Restricts(context) && Binding.IsWaived(shape, b, rank, context));
            if (effect)
            {
                waivers.Add(claim.Index);
            }
        }

        return new Exercised(bounds, forbids, waivers);
    }

    /// <summary>Whether <paramref name="value"/> sits at an end of <paramref name="allowed"/> that <paramref name="rule"/> draws (an end short of the domain's).</summary>
    private static bool AtEnd(DimensionInfo dimension, Bound rule, Bound allowed, DimensionValue value)
    {
        var domain = dimension.Domain;
        if (Lattice.IsEmpty(allowed))
        {
            return false;
        }

        if (Lattice.IsInterval(dimension.Kind))
        {
            return (value.Number == rule.Lo && rule.Lo == allowed.Lo && rule.Lo > domain.Lo)
                || (value.Number == rule.Hi && rule.Hi == allowed.Hi && rule.Hi < domain.Hi);
        }

        if (dimension.Kind == DimensionKind.Set)
        {
            return (value.Bits == rule.Floor && rule.Floor == allowed.Floor && rule.Floor != domain.Floor)
                || (value.Bits == rule.Ceiling && rule.Ceiling == allowed.Ceiling && rule.Ceiling != domain.Ceiling);
        }

        // Members (booleans, enums, strings) by position: the lowest and the highest allowed.
        var position = value.Position;
        return (position == Lowest(rule.Ceiling) && position == Lowest(allowed.Ceiling) && position > Lowest(domain.Ceiling))
            || (position == Highest(rule.Ceiling) && position == Highest(allowed.Ceiling) && position < Highest(domain.Ceiling));
    }

    private static int Lowest(ulong mask) => mask == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(mask);

    private static int Highest(ulong mask) => mask == 0 ? -1 : 63 - System.Numerics.BitOperations.LeadingZeroCount(mask);
}
