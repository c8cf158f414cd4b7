using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>
/// PAC0001, PAC0012 and PAC0002: what <see cref="OverrideCheck"/> finds (every lower-tier value and bound against the
/// tiers above it, in every jurisdiction and context), put into sentences at the rule's place in the source.
/// </summary>
internal static class OverrideChecks
{
    public static IEnumerable<PolicyFinding> Check(PolicyView view)
    {
        var reported = new HashSet<(OverrideKind, int, int, int, int, int)>();
        foreach (var found in OverrideCheck.All(view.Shape))
        {
            if (!reported.Add(Key(view, found)))
            {
                continue;
            }

            var finding = found.Kind switch
            {
                OverrideKind.Value => ValueFinding(view, found, ValueLocation(view, found.Tier, found.Dimension), "default"),
                OverrideKind.Bound => BoundFinding(view, found),
                _ => NoEffectFinding(view, found),
            };
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    /// <summary>A value a tier writes elsewhere (a preset's value) against the bounds that bind it.</summary>
    public static IEnumerable<PolicyFinding> CheckValue(PolicyView view, DimensionModel dimension, int tier, DimensionValue value, SourceLocation? location, string what)
    {
        var reported = new HashSet<(OverrideKind, int, int, int, int, int)>();
        foreach (var found in OverrideCheck.Value(view.Shape, tier, dimension.Index, value))
        {
            if (reported.Add(Key(view, found)))
            {
                yield return ValueFinding(view, found, location, what);
            }
        }
    }

    private static PolicyFinding ValueFinding(PolicyView view, Override found, SourceLocation? location, string what)
    {
        var policy = view.Policy;
        var dimension = policy.Dimensions[found.Dimension];
        var broken = found.Higher >= 0 ? policy.Bounds[found.Higher] : null;
        var whose = broken is null ? "the bounds above it" : broken.Tier == found.Tier ? "its own bound " + PolicyView.Describe(broken) : view.Tier(broken.Tier) + "'s bound " + PolicyView.Describe(broken);
        var finding = Findings.ValueOutsideBound(
            what, ValueText.Label(dimension, found.Value), view.TierType(found.Tier), dimension.Name, whose, Where(view, found), ValueText.Bound(dimension, found.HigherAllows), location);

        // A value is a request, not a bound: writing another one changes no user's choices, so the fix is always safe.
        if (Lattice.IsEmpty(found.AllowedWherever))
        {
            return finding;
        }

        var clamped = Lattice.Clamp(found.AllowedWherever, found.Value, dimension.HigherIsStricter);
        return finding with { FixExpression = ValueText.CSharp(dimension, clamped), FixLabel = ValueText.Label(dimension, clamped) };
    }

    private static PolicyFinding BoundFinding(PolicyView view, Override found)
    {
        var policy = view.Policy;
        var bound = policy.Bounds[found.Bound];
        var dimension = policy.Dimensions[bound.Dimension];
        var culprit = found.Higher >= 0 ? policy.Bounds[found.Higher] : null;
        var against = culprit is null ? "the bounds of the tiers above it" : $"{view.Tier(culprit.Tier)}'s {PolicyView.Describe(culprit)}";
        var subject = $"{view.Tier(bound.Tier)}'s {PolicyView.Describe(bound)} on {dimension.Name}";
        var finding = found.InEveryContext
            ? Findings.BoundLeavesNothing(subject, against, Where(view, found), ValueText.Bound(dimension, found.HigherAllows), bound.ValueLocation ?? bound.Location)
            : Findings.BoundLeavesNothingInSomeContexts(
                subject, against, Jurisdiction(view, found), ContextSpace.Describe(found.Witness, found.Relevant), ValueText.Bound(dimension, found.HigherAllows), bound.ValueLocation ?? bound.Location);

        // Offered only where it leaves every user's choices the same or narrower everywhere (OverrideCheck.SafeRewrite).
        return bound.FirstValue is { } first && OverrideCheck.SafeRewrite(view.Shape, found, bound.Form, first) is { } value
            ? finding with { FixExpression = ValueText.CSharp(dimension, value), FixLabel = ValueText.Label(dimension, value) }
            : finding;
    }

    private static PolicyFinding NoEffectFinding(PolicyView view, Override found)
    {
        var policy = view.Policy;
        var bound = policy.Bounds[found.Bound];
        var dimension = policy.Dimensions[bound.Dimension];
        var wider = found.Higher >= 0 ? policy.Bounds[found.Higher] : null;
        var than = wider is null ? "the bounds of the tiers above it" : $"{view.Tier(wider.Tier)}'s {PolicyView.Describe(wider)}";
        var finding = Findings.BoundNoNarrower(
            view.Tier(bound.Tier), PolicyView.Describe(bound), dimension.Name, than, Where(view, found), ValueText.Bound(dimension, found.HigherAllows), bound.Location);

        // Removing it is offered only where that changes nothing a user may choose, in any jurisdiction or context.
        return OverrideCheck.RemovalKeepsPolicy(view.Shape, view.Shape.Bounds[bound.Index])
            ? finding with { RemovalKeepsPolicy = true }
            : finding;
    }

    // One finding per rule and higher bound: a jurisdiction tells findings apart only when the bound is a law's
    // (an organisation's bound that a user rule breaks is the same finding in every jurisdiction).
    private static (OverrideKind, int, int, int, int, int) Key(PolicyView view, Override found) =>
        (found.Kind, found.Bound, found.Tier, found.Dimension, found.Higher,
            found.Higher >= 0 && view.Policy.Tiers[view.Policy.Bounds[found.Higher].Tier].Rank != Ranks.Immutable ? -2 : found.Jurisdiction);

    // A jurisdiction is named with the ones it sits within ("in DE within EU"), so a message about EU law binding a
    // rule in DE says why it binds there.
    private static string Where(PolicyView view, Override found) =>
        found.Jurisdiction >= 0 && (found.Higher >= 0 ? view.Policy.Tiers[view.Policy.Bounds[found.Higher].Tier].Rank == Ranks.Immutable : LawBinds(view, found))
            ? " in " + view.Jurisdiction(found.Jurisdiction)
            : string.Empty;

    private static string Jurisdiction(PolicyView view, Override found) =>
        found.Jurisdiction >= 0 ? view.Jurisdiction(found.Jurisdiction) : "every deployment";

    // Whether a law is among the bounds the rule answers to there; if not, the finding is the same in every jurisdiction.
    private static bool LawBinds(PolicyView view, Override found) =>
        view.Index.BoundsOn(found.Dimension).Any(b => view.Policy.Tiers[b.Tier].Rank == Ranks.Immutable && view.Shape.TierApplies(b.Tier, found.Jurisdiction));

    private static SourceLocation? ValueLocation(PolicyView view, int tier, int dimension)
    {
        if (tier == view.Policy.Tiers.Count - 1)
        {
            return view.Policy.Dimensions[dimension].DefaultLocation;
        }

        return view.Index.DefaultsOn(dimension).FirstOrDefault(d => d.Tier == tier)?.Location;
    }
}
