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
            if (shape.Tiers[bound.Tier].Rank == TierRank.Immutable)
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

            var contexts = spaces.Contexts(dimension, jurisdiction);
            var above = spaces.OwnBoundsLast(tier, dimension) ? spaces.Above(tier, dimension, jurisdiction, exceptWaived: true) : null;
            var scan = ScanValue(shape, tier, dimension, jurisdiction, value, contexts, above, domain);
            var everyContext = scan.EveryContext;
            var wherever = scan.Wherever;
            var witness = scan.Witness >= 0 ? contexts[scan.Witness] : (PolicyContext?)null;
            var witnessAllows = scan.WitnessAllows;

            if (witness is { } found && everyContext)
            {
                var higher = FirstExcluding(shape, dimension, tier, jurisdiction, found, includeOwnTier: true, value);
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
                    ? Binding.Above(shape, dimension, bound.Tier, jurisdiction, context, includeOwnTier: false, exceptWaived: false, out _)
                    : null;

            bool Conflicts(in PolicyContext context) => Higher(context) is { } higher && Lattice.IsEmpty(Lattice.Intersect(higher, bound.Bound));

            var contexts = spaces.Contexts(dimension, jurisdiction);
            var scan = ScanBound(shape, bound, jurisdiction, contexts, spaces.Above(bound.Tier, dimension, jurisdiction, exceptWaived: false), domain);
            var everyContext = scan.EveryContext;
            var wherever = scan.Wherever;
            var witness = scan.Witness >= 0 ? contexts[scan.Witness] : (PolicyContext?)null;
            var witnessAllows = scan.WitnessAllows;
            var anyContext = scan.Any >= 0 ? contexts[scan.Any] : (PolicyContext?)null;
            var anyAllows = scan.AnyAllows;
            var inForce = scan.Any >= 0;
            var noEffect = scan.NoEffect;

            if (witness is { } found)
            {
                var higher = FirstDisjoint(shape, bound, jurisdiction, found);
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

    // The check runs once per build, inside the compiler, where a method starts as unoptimised code and is optimised
    // only after enough calls; these loops run most often, so they are compiled optimised from the start.
    // (MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.)
    private const MethodImplOptions Hot = (MethodImplOptions)512;

    // What one value meets in each context of a jurisdiction: Binding.Above with the tier's own bounds, continued
    // from what the higher ranks leave where "above" is given.
    private struct ValueScan
    {
        public bool EveryContext;
        public Bound Wherever;
        public int Witness;
        public Bound WitnessAllows;
    }

    [MethodImpl(Hot)]
    private static ValueScan ScanValue(PolicyShape shape, int tier, int dimension, int jurisdiction, DimensionValue value, PolicyContext[] contexts, Bound[]? above, Bound domain)
    {
        var scan = new ValueScan { EveryContext = true, Wherever = domain, Witness = -1, WitnessAllows = domain };
        for (var c = 0; c < contexts.Length; c++)
        {
            var binding = above is null
                ? Binding.Above(shape, dimension, tier, jurisdiction, contexts[c], includeOwnTier: true, exceptWaived: true, out _)
                : OwnNarrowing(shape, dimension, tier, jurisdiction, contexts[c], above[c]);
            scan.Wherever = Lattice.Intersect(scan.Wherever, binding);
            if (Lattice.Contains(binding, value))
            {
                scan.EveryContext = false;
            }
            else if (scan.Witness < 0)
            {
                scan.Witness = c;
                scan.WitnessAllows = binding;
            }
        }

        return scan;
    }

    // What one lower bound meets in each context of a jurisdiction where it is in force; Any is the first such context.
    private struct BoundScan
    {
        public bool EveryContext;
        public bool NoEffect;
        public Bound Wherever;
        public int Witness;
        public Bound WitnessAllows;
        public int Any;
        public Bound AnyAllows;
    }

    [MethodImpl(Hot)]
    private static BoundScan ScanBound(PolicyShape shape, in ShapeBound bound, int jurisdiction, PolicyContext[] contexts, Bound[] meets, Bound domain)
    {
        var scan = new BoundScan { EveryContext = true, NoEffect = true, Wherever = domain, Witness = -1, WitnessAllows = domain, Any = -1, AnyAllows = domain };
        for (var c = 0; c < contexts.Length; c++)
        {
            if (!Binding.InForce(shape, bound, jurisdiction, contexts[c]))
            {
                continue;
            }

            var higher = meets[c];
            scan.Wherever = Lattice.Intersect(scan.Wherever, higher);
            if (scan.Any < 0)
            {
                scan.Any = c;
                scan.AnyAllows = higher;
            }

            if (!Lattice.IsWithin(higher, bound.Bound))
            {
                scan.NoEffect = false;
            }

            if (!Lattice.IsEmpty(Lattice.Intersect(higher, bound.Bound)))
            {
                scan.EveryContext = false;
            }
            else if (scan.Witness < 0)
            {
                scan.Witness = c;
                scan.WitnessAllows = higher;
            }
        }

        return scan;
    }

    // Binding.Above with the tier's own bounds, continued from what the higher ranks leave (their bounds all come
    // before the tier's own in canonical order, so narrowing on from their meet is the same fold).
    [MethodImpl(Hot)]
    private static Bound OwnNarrowing(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, Bound meet)
    {
        var firstMissing = -1;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (bound.Tier == tier && Binding.Applies(shape, bound, jurisdiction, context))
            {
                meet = Lattice.Narrow(meet, bound.Bound, bound.Index, ref firstMissing);
            }
        }

        return meet;
    }

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
    public static bool NeverWidens(PolicyShape before, PolicyShape after, int dimension)
    {
        var facts = before.FactsOn(dimension) | after.FactsOn(dimension);
        for (var jurisdiction = -1; jurisdiction < before.Jurisdictions.Length; jurisdiction++)
        {
            foreach (var context in ContextSpace.Every(before.JurisdictionName(jurisdiction), facts, before.NeverTogether))
            {
                if (!Lattice.IsWithin(Binding.Allowed(after, dimension, jurisdiction, context), Binding.Allowed(before, dimension, jurisdiction, context)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // A higher bound binding the rule here, so that "no effect" compares it with something.
    private static bool HasHigher(PolicyShape shape, ShapeBound bound, int jurisdiction)
    {
        foreach (var other in shape.BoundsOn(bound.Dimension))
        {
            if (shape.Tiers[other.Tier].Rank < shape.Tiers[bound.Tier].Rank && shape.TierApplies(other.Tier, jurisdiction))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstExcluding(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, bool includeOwnTier, DimensionValue value)
    {
        var rank = shape.Tiers[tier].Rank;
        foreach (var other in shape.BoundsOn(dimension))
        {
            var higher = shape.Tiers[other.Tier].Rank < rank;
            if ((higher || (includeOwnTier && other.Tier == tier)) && Binding.Applies(shape, other, jurisdiction, context)
                && !(higher && Binding.IsWaived(shape, other, rank, context)) && !Lattice.Contains(other.Bound, value))
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
        var rank = shape.Tiers[bound.Tier].Rank;
        var list = new List<ShapeBound>();
        foreach (var other in shape.BoundsOn(bound.Dimension))
        {
            if (shape.Tiers[other.Tier].Rank < rank && Binding.Applies(shape, other, jurisdiction, context))
            {
                list.Add(other);
            }
        }

        return list;
    }

    // Per dimension and jurisdiction: its contexts in ContextSpace.Every's order, and for each rank, what the bounds of
    // the higher ranks leave in each context, with and without what that rank waives (Binding.Above without the tier's
    // own bounds, which depends on the tier only through its rank). Filled as the check first asks.
    private sealed class Spaces
    {
        private const int Ranks = 4;
        private readonly PolicyShape _shape;
        private readonly int _jurisdictions;
        private readonly PolicyContext[]?[] _contexts;
        private readonly Bound[]?[] _above;

        public Spaces(PolicyShape shape)
        {
            _shape = shape;
            _jurisdictions = shape.Jurisdictions.Length + 1;
            _contexts = new PolicyContext[]?[shape.Dimensions.Length * _jurisdictions];
            _above = new Bound[]?[shape.Dimensions.Length * _jurisdictions * Ranks * 2];
        }

        public PolicyContext[] Contexts(int dimension, int jurisdiction)
        {
            var slot = (dimension * _jurisdictions) + jurisdiction + 1;
            return _contexts[slot] ??= [.. OverrideCheck.Contexts(_shape, dimension, jurisdiction)];
        }

        // Binding.Above(includeOwnTier: false) in each context: it depends on the tier only through its rank.
        public Bound[] Above(int tier, int dimension, int jurisdiction, bool exceptWaived)
        {
            var rank = (int)_shape.Tiers[tier].Rank;
            if ((uint)rank >= Ranks)
            {
                return Meets(tier, dimension, jurisdiction, exceptWaived);
            }

            var slot = (((((dimension * _jurisdictions) + jurisdiction + 1) * Ranks) + rank) * 2) + (exceptWaived ? 1 : 0);
            return _above[slot] ??= Meets(tier, dimension, jurisdiction, exceptWaived);
        }

        // Whether every bound of a higher rank on the dimension comes before the tier's own bounds in canonical order.
        public bool OwnBoundsLast(int tier, int dimension)
        {
            var rank = _shape.Tiers[tier].Rank;
            var own = false;
            foreach (var bound in _shape.BoundsOn(dimension))
            {
                if (bound.Tier == tier)
                {
                    own = true;
                }
                else if (own && _shape.Tiers[bound.Tier].Rank < rank)
                {
                    return false;
                }
            }

            return true;
        }

        [MethodImpl(Hot)]
        private Bound[] Meets(int tier, int dimension, int jurisdiction, bool exceptWaived)
        {
            var contexts = Contexts(dimension, jurisdiction);
            var meets = new Bound[contexts.Length];
            for (var c = 0; c < contexts.Length; c++)
            {
                meets[c] = Binding.Above(_shape, dimension, tier, jurisdiction, contexts[c], includeOwnTier: false, exceptWaived, out _);
            }

            return meets;
        }
    }
}
