using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PolicyAsCode;

/// <summary>
/// The build-time promise, checked in every jurisdiction a policy is deployed in and every context its facts make:
/// no lower-tier value or bound is overridden by, or contradicts, a higher tier's bound. The analysers report what it
/// finds (PAC0001 where it happens wherever the rule is in force, PAC0012 where only in some contexts, PAC0002 for a
/// bound with no effect) and <c>pac verify</c> prints it for a compiled policy.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class OverrideCheck
{
    /// <summary>Every override in the policy: each value in <see cref="PolicyShape.Values"/>, and each bound of an organisation or user tier.</summary>
    public static IEnumerable<Override> All(PolicyShape shape)
    {
        // One enumeration of each dimension's contexts per jurisdiction, and one meet of the higher ranks' bounds per
        // context and rank, shared by every rule checked against them.
        var spaces = new Spaces(shape);
        foreach (var value in shape.Values)
        {
            foreach (var found in Value(shape, value.Tier, value.Dimension, value.Value, spaces))
            {
                yield return found;
            }
        }

        foreach (var bound in shape.Bounds)
        {
            if (!shape.HasAbove(bound.Tier))
            {
                continue;
            }

            foreach (var found in Bound(shape, bound, spaces))
            {
                yield return found;
            }
        }
    }

    /// <summary>
    /// A value a tier fixes, against the bounds that bind it (higher ranks' and its own tier's, less what its rank
    /// waives). A value is a request that resolution clamps, so one that a conditional bound merely clamps in some
    /// contexts is not an override; one that no context grants as written is.
    /// </summary>
    public static IEnumerable<Override> Value(PolicyShape shape, int tier, int dimension, DimensionValue value) =>
        Value(shape, tier, dimension, value, new Spaces(shape));

    private static IEnumerable<Override> Value(PolicyShape shape, int tier, int dimension, DimensionValue value, Spaces spaces)
    {
        var domain = shape.Dimensions[dimension].Domain;
        foreach (var jurisdiction in shape.DeployedJurisdictions())
        {
            if (!Binding.Uses(shape, tier, jurisdiction))
            {
                continue;
            }

            var everyContext = true;
            var wherever = domain;
            PolicyContext? witness = null;
            var witnessAllows = domain;
            foreach (var context in spaces.Contexts(dimension, jurisdiction))
            {
                var granted = Binding.Grants(shape, dimension, tier, jurisdiction, context, value, out var binding);
                wherever = Lattice.Intersect(wherever, binding);
                if (granted)
                {
                    everyContext = false;
                }
                else if (witness is null)
                {
                    witness = context;
                    witnessAllows = binding;
                }
            }

            if (witness is { } found && everyContext)
            {
                // Name the bound that breaks the value wherever it is used, if one does: it is the one to look at.
                var higher = Steadfast(shape, dimension, jurisdiction, b =>
                        (shape.IsAbove(b.Tier, tier) || b.Tier == tier) && !Lattice.Contains(b.Bound, value),
                    (in PolicyContext c) => Binding.Uses(shape, tier, jurisdiction), (b, c) => !Binding.IsWaived(shape, b, TierRank.User, c))
                    ?? FirstExcluding(shape, dimension, tier, jurisdiction, found, value);
                yield return new Override(OverrideKind.Value, dimension, tier, -1, value, jurisdiction, found, true, higher, witnessAllows, wherever, Fact.None);
            }
        }
    }

    /// <summary>
    /// A lower tier's bound, against the higher ranks' bounds in force with it: where their meet and it share no
    /// value, resolution skips it. Also whether it has any effect at all in each jurisdiction.
    /// </summary>
    public static IEnumerable<Override> Bound(PolicyShape shape, ShapeBound bound) => Bound(shape, bound, new Spaces(shape));

    private static IEnumerable<Override> Bound(PolicyShape shape, ShapeBound bound, Spaces spaces)
    {
        var dimension = bound.Dimension;
        var domain = shape.Dimensions[dimension].Domain;
        foreach (var jurisdiction in shape.DeployedJurisdictions())
        {
            // What the higher ranks leave in a context where the bound is in force; null where it is not.
            Bound? Higher(in PolicyContext context) =>
                Binding.InForce(shape, bound, jurisdiction, context)
                    ? Binding.Above(shape, dimension, bound.Tier, jurisdiction, context, out _)
                    : null;

            bool Conflicts(in PolicyContext context) => Higher(context) is { } higher && Lattice.IsEmpty(Lattice.Intersect(higher, bound.Bound));

            var inForce = false;
            var everyContext = true;
            var noEffect = true;
            var wherever = domain;
            PolicyContext? witness = null;
            var witnessAllows = domain;
            PolicyContext? anyContext = null;
            var anyAllows = domain;
            var contexts = spaces.Contexts(dimension, jurisdiction);
            var meets = spaces.Above(bound.Tier, dimension, jurisdiction);
            for (var c = 0; c < contexts.Length; c++)
            {
                var context = contexts[c];
                if (!Binding.InForce(shape, bound, jurisdiction, context))
                {
                    continue;
                }

                var higher = meets[c];

                inForce = true;
                wherever = Lattice.Intersect(wherever, higher);
                if (anyContext is null)
                {
                    anyContext = context;
                    anyAllows = higher;
                }

                if (!Lattice.IsWithin(higher, bound.Bound))
                {
                    noEffect = false;
                }

                if (!Lattice.IsEmpty(Lattice.Intersect(higher, bound.Bound)))
                {
                    everyContext = false;
                }
                else if (witness is null)
                {
                    witness = context;
                    witnessAllows = higher;
                }
            }

            if (witness is { } found)
            {
                var higher = (everyContext
                        ? Steadfast(shape, dimension, jurisdiction, b =>
                                shape.IsAbove(b.Tier, bound.Tier) && Lattice.IsEmpty(Lattice.Intersect(b.Bound, bound.Bound)),
                            (in PolicyContext c) => Binding.InForce(shape, bound, jurisdiction, c), (b, c) => true)
                        : null)
                    ?? FirstDisjoint(shape, bound, jurisdiction, found);
                var relevant = everyContext ? Fact.None : Relevant(shape, dimension, found, Conflicts);
                yield return new Override(OverrideKind.Bound, dimension, bound.Tier, bound.Index, default, jurisdiction, found, everyContext, higher, witnessAllows, wherever, relevant);
            }
            else if (inForce && noEffect && anyContext is { } any && bound.Condition.IsAlways && shape.Tiers[bound.Tier].Rank == TierRank.Organisation && HasHigher(shape, bound, jurisdiction))
            {
                var wider = FirstWithin(shape, bound, jurisdiction, any);
                yield return new Override(OverrideKind.NoEffect, dimension, bound.Tier, bound.Index, default, jurisdiction, any, true, wider, anyAllows, wherever, Fact.None);
            }
        }
    }

    private delegate bool ContextTest(in PolicyContext context);

    // The facts of a witness whose state matters: changing one of them to either other state (where that context
    // is possible) makes the override go away. The others are left out of the message.
    private static Fact Relevant(PolicyShape shape, int dimension, PolicyContext witness, ContextTest holds)
    {
        var relevant = Fact.None;
        var facts = shape.FactsOn(dimension);
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            var fact = (Fact)bit;
            if ((facts & fact) == 0)
            {
                continue;
            }

            PolicyContext[] variants =
            [
                witness with { Known = witness.Known | fact, Facts = witness.Facts | fact },
                witness with { Known = witness.Known | fact, Facts = witness.Facts & ~fact },
                witness with { Known = witness.Known & ~fact, Facts = witness.Facts & ~fact },
            ];
            foreach (var variant in variants)
            {
                if (ContextSpace.IsPossible(variant, shape.NeverTogether) && !holds(variant))
                {
                    relevant |= fact;
                    break;
                }
            }
        }

        return relevant;
    }

    /// <summary>The contexts a dimension's answers can differ in: every combination of the facts its bounds and waivers mention.</summary>
    public static IEnumerable<PolicyContext> Contexts(PolicyShape shape, int dimension, int jurisdiction) =>
        ContextSpace.Every(shape.JurisdictionName(jurisdiction), shape.FactsOn(dimension), shape.NeverTogether);

    /// <summary>
    /// Whether removing or changing a dimension's bounds as <paramref name="after"/> does leaves what a user may choose
    /// the same or narrower in every jurisdiction (the fail-closed one, where every law applies, included) and every context.
    /// </summary>
    public static bool NeverWidens(PolicyShape before, PolicyShape after, int dimension) =>
        KeepsEverywhere(before, after, dimension, static (was, now) => Lattice.IsWithin(now, was));

    /// <summary>
    /// Whether <paramref name="keeps"/> holds of what a user may choose on a dimension before and after a change, in
    /// every jurisdiction (the fail-closed one, where every law applies, included) and every context the facts of
    /// either shape make: the one walk that <see cref="NeverWidens"/> and <see cref="AvoidList.NeverCaps"/> share.
    /// </summary>
    internal static bool KeepsEverywhere(PolicyShape before, PolicyShape after, int dimension, System.Func<Bound, Bound, bool> keeps)
    {
        var facts = before.FactsOn(dimension) | after.FactsOn(dimension);
        for (var jurisdiction = -1; jurisdiction < before.Jurisdictions.Length; jurisdiction++)
        {
            foreach (var context in ContextSpace.Every(before.JurisdictionName(jurisdiction), facts, before.NeverTogether))
            {
                if (!keeps(Binding.Allowed(before, dimension, jurisdiction, context), Binding.Allowed(after, dimension, jurisdiction, context)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The value a fix may write into a lower tier's single-valued bound (<c>Locked</c>, <c>AtLeast</c>, <c>AtMost</c>)
    /// that <paramref name="found"/> reports: the value nearest to the one written that the higher tiers allow wherever
    /// the bound is in force, else the strictest of those; the first whose rewrite <see cref="NeverWidens"/>, or null.
    /// A skipped bound leaves its dimension failing closed, so a rewrite that makes it apply must not grant more than that.
    /// </summary>
    public static DimensionValue? SafeRewrite(PolicyShape shape, Override found, BoundForm form, DimensionValue written)
    {
        if (found.Kind != OverrideKind.Bound || form is not (BoundForm.Locked or BoundForm.AtLeast or BoundForm.AtMost) || Lattice.IsEmpty(found.AllowedWherever))
        {
            return null;
        }

        var dimension = shape.Dimensions[found.Dimension];
        DimensionValue[] candidates =
        [
            Lattice.Clamp(found.AllowedWherever, written, dimension.HigherIsStricter),
            Lattice.Strictest(found.AllowedWherever, dimension.HigherIsStricter),
        ];
        foreach (var value in candidates)
        {
            if (NeverWidens(shape, shape.WithBound(found.Bound, Lattice.Build(dimension.Domain, form, value, value)), found.Dimension))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether removing a bound leaves what users may choose the same in every jurisdiction and context.</summary>
    public static bool RemovalKeepsPolicy(PolicyShape shape, ShapeBound bound) =>
        NeverWidens(shape, shape.WithBound(bound.Index, null), bound.Dimension);

    // A higher bound binding the rule here, so that "no effect" compares it with something.
    private static bool HasHigher(PolicyShape shape, ShapeBound bound, int jurisdiction)
    {
        foreach (var other in shape.BoundsOn(bound.Dimension))
        {
            if (shape.IsAbove(other.Tier, bound.Tier) && shape.TierApplies(other.Tier, jurisdiction))
            {
                return true;
            }
        }

        return false;
    }

    // The first bound, in canonical order, that is a candidate and applies (and counts) in every context in which the
    // rule is in force; null when none does.
    private static int? Steadfast(PolicyShape shape, int dimension, int jurisdiction, System.Func<ShapeBound, bool> candidate, ContextTest inForce, System.Func<ShapeBound, PolicyContext, bool> counts)
    {
        foreach (var other in shape.BoundsOn(dimension))
        {
            if (!candidate(other))
            {
                continue;
            }

            var everywhere = true;
            foreach (var context in Contexts(shape, dimension, jurisdiction))
            {
                if (inForce(context) && !(Binding.Applies(shape, other, jurisdiction, context) && counts(other, context)))
                {
                    everywhere = false;
                    break;
                }
            }

            if (everywhere)
            {
                return other.Index;
            }
        }

        return null;
    }

    private static int FirstExcluding(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, DimensionValue value)
    {
        foreach (var other in shape.BoundsOn(dimension))
        {
            if ((shape.IsAbove(other.Tier, tier) || other.Tier == tier) && Binding.Applies(shape, other, jurisdiction, context)
                && !Binding.IsWaived(shape, other, TierRank.User, context) && !Lattice.Contains(other.Bound, value))
            {
                return other.Index;
            }
        }

        return -1;
    }

    private static int FirstDisjoint(PolicyShape shape, ShapeBound bound, int jurisdiction, in PolicyContext context)
    {
        foreach (var other in HigherApplying(shape, bound, jurisdiction, context))
        {
            if (Lattice.IsEmpty(Lattice.Intersect(other.Bound, bound.Bound)))
            {
                return other.Index;
            }
        }

        return -1;
    }

    private static int FirstWithin(PolicyShape shape, ShapeBound bound, int jurisdiction, in PolicyContext context)
    {
        var first = -1;
        foreach (var other in HigherApplying(shape, bound, jurisdiction, context))
        {
            if (Lattice.IsWithin(other.Bound, bound.Bound))
            {
                return other.Index;
            }

            first = first < 0 ? other.Index : first;
        }

        return first;
    }

    private static List<ShapeBound> HigherApplying(PolicyShape shape, ShapeBound bound, int jurisdiction, PolicyContext context)
    {
        var list = new List<ShapeBound>();
        foreach (var other in shape.BoundsOn(bound.Dimension))
        {
            if (shape.IsAbove(other.Tier, bound.Tier) && Binding.Applies(shape, other, jurisdiction, context))
            {
                list.Add(other);
            }
        }

        return list;
    }

    // Per dimension and jurisdiction: its contexts in ContextSpace.Every's order and, per level, what the bounds of the
    // tiers above leave in each (Binding.Above depends on the tier only through its level). Filled as first asked.
    private sealed class Spaces
    {
        private readonly int _levels;
        private readonly PolicyShape _shape;
        private readonly int _jurisdictions;
        private readonly PolicyContext[]?[] _contexts;
        private readonly Bound[]?[] _above;
        private readonly Dictionary<(Fact, int), PolicyContext[]> _byFacts = [];

        public Spaces(PolicyShape shape)
        {
            _shape = shape;
            _jurisdictions = shape.Jurisdictions.Length + 1;
            _contexts = new PolicyContext[]?[shape.Dimensions.Length * _jurisdictions];
            _levels = shape.LevelCount;
            _above = new Bound[]?[shape.Dimensions.Length * _jurisdictions * _levels];
        }

        // Dimensions whose bounds mention the same facts have the same contexts: enumerated once per set of facts.
        public PolicyContext[] Contexts(int dimension, int jurisdiction) =>
            _contexts[(dimension * _jurisdictions) + jurisdiction + 1] ??= ContextsOf(_shape.FactsOn(dimension), jurisdiction);

        private PolicyContext[] ContextsOf(Fact facts, int jurisdiction)
        {
            if (!_byFacts.TryGetValue((facts, jurisdiction), out var contexts))
            {
                _byFacts[(facts, jurisdiction)] = contexts = [.. ContextSpace.Every(_shape.JurisdictionName(jurisdiction), facts, _shape.NeverTogether)];
            }

            return contexts;
        }

        public Bound[] Above(int tier, int dimension, int jurisdiction)
        {
            var level = _shape.Level(tier);
            return _above[(((dimension * _jurisdictions) + jurisdiction + 1) * _levels) + level] ??= Meets(tier, dimension, jurisdiction);
        }

        [MethodImpl(Binding.Hot)]
        private Bound[] Meets(int tier, int dimension, int jurisdiction)
        {
            var contexts = Contexts(dimension, jurisdiction);
            var meets = new Bound[contexts.Length];
            for (var c = 0; c < contexts.Length; c++)
            {
                meets[c] = Binding.Above(_shape, dimension, tier, jurisdiction, contexts[c], out _);
            }

            return meets;
        }
    }
}
