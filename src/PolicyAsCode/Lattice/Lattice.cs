using System;
using System.Runtime.CompilerServices;

namespace PolicyAsCode;

/// <summary>
/// The one definition of narrowing for every dimension kind: building bounds, intersecting them,
/// testing membership, clamping a value into a bound and finding a bound's strictest value.
/// The generator folds constant bounds with it and every evaluator narrows with it at run time.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class Lattice
{
    /// <summary>The most members a member kind (ordinal, choice) may have: positions are bits of a 64-bit map.</summary>
    public const int MaxMembers = 64;

    /// <summary>The whole domain of a member kind with <paramref name="memberCount"/> members.</summary>
    public static Bound MemberDomain(DimensionKind kind, int memberCount) =>
        new(kind, 0, 0, 0, MaskOfFirst(memberCount));

    /// <summary>The whole domain of a boolean dimension.</summary>
    public static Bound BooleanDomain => MemberDomain(DimensionKind.Boolean, 2);

    /// <summary>The whole domain of an integer dimension.</summary>
    public static Bound IntegerDomain => new(DimensionKind.Integer, int.MinValue, int.MaxValue, 0, 0);

    /// <summary>The whole domain of a real dimension: every finite double.</summary>
    public static Bound RealDomain => new(DimensionKind.Real, -double.MaxValue, double.MaxValue, 0, 0);

    /// <summary>The whole domain of a set dimension whose defined flags are <paramref name="definedFlags"/>.</summary>
    public static Bound SetDomain(ulong definedFlags) => new(DimensionKind.Set, 0, 0, 0, definedFlags);

    /// <summary>Whether <paramref name="form"/> can be written on a dimension of <paramref name="kind"/>.</summary>
    public static bool Supports(DimensionKind kind, BoundForm form) =>
        form != BoundForm.Allowed || (kind != DimensionKind.Integer && kind != DimensionKind.Real);

    /// <summary>
    /// Builds the bound that <paramref name="form"/> describes on <paramref name="domain"/>, already
    /// intersected with the domain. <paramref name="first"/> is v (or lo); <paramref name="second"/> is hi for Between.
    /// </summary>
    public static Bound Build(Bound domain, BoundForm form, DimensionValue first, DimensionValue second)
    {
        var kind = domain.Kind;
        Bound bound;
        if (IsInterval(kind))
        {
            var v = first.Number;
            bound = form switch
            {
                BoundForm.AtMost => new Bound(kind, domain.Lo, v, 0, 0),
                BoundForm.AtLeast => new Bound(kind, v, domain.Hi, 0, 0),
                BoundForm.Between => new Bound(kind, v, second.Number, 0, 0),
                BoundForm.Locked => new Bound(kind, v, v, 0, 0),
                _ => Empty(kind),
            };
        }
        else if (kind == DimensionKind.Set)
        {
            bound = form switch
            {
                BoundForm.AtMost or BoundForm.Allowed => new Bound(kind, 0, 0, 0, first.Bits),
                BoundForm.AtLeast => new Bound(kind, 0, 0, first.Bits, domain.Ceiling),
                BoundForm.Between => new Bound(kind, 0, 0, first.Bits, second.Bits),
                _ => new Bound(kind, 0, 0, first.Bits, first.Bits),
            };
        }
        else
        {
            var p = first.Bits;
            bound = form switch
            {
                BoundForm.AtMost => new Bound(kind, 0, 0, 0, PositionsFromTo(0, p)),
                BoundForm.AtLeast => new Bound(kind, 0, 0, 0, PositionsFromTo(p, MaxMembers - 1)),
                BoundForm.Between => new Bound(kind, 0, 0, 0, PositionsFromTo(p, second.Bits)),
                _ => new Bound(kind, 0, 0, 0, PositionBit(p)),
            };
        }

        return Intersect(domain, bound);
    }

    /// <summary>The bound allowing exactly the listed members of a member kind (an <c>[Allowed]</c> list).</summary>
    public static Bound Members(Bound domain, ulong positions) => Intersect(domain, new Bound(domain.Kind, 0, 0, 0, positions));

    /// <summary>The bound that allows nothing.</summary>
    public static Bound Empty(DimensionKind kind) => IsInterval(kind)
        ? new Bound(kind, 1, 0, 0, 0)
        : kind == DimensionKind.Set ? new Bound(kind, 0, 0, ulong.MaxValue, 0) : new Bound(kind, 0, 0, 0, 0);

    /// <summary>The values both bounds allow: the meet of the lattice.</summary>
    public static Bound Intersect(Bound a, Bound b)
    {
        if (IsInterval(a.Kind))
        {
            return new Bound(a.Kind, Math.Max(a.Lo, b.Lo), Math.Min(a.Hi, b.Hi), 0, 0);
        }

        return a.Kind == DimensionKind.Set
            ? new Bound(a.Kind, 0, 0, a.Floor | b.Floor, a.Ceiling & b.Ceiling)
            : new Bound(a.Kind, 0, 0, 0, a.Ceiling & b.Ceiling);
    }

    /// <summary>Whether the bound allows no value at all.</summary>
    public static bool IsEmpty(Bound b)
    {
        if (IsInterval(b.Kind))
        {
            return !(b.Lo <= b.Hi);
        }

        return b.Kind == DimensionKind.Set ? (b.Floor & ~b.Ceiling) != 0 : b.Ceiling == 0;
    }

    /// <summary>
    /// Narrows <paramref name="current"/> by <paramref name="next"/>, unless that would leave nothing:
    /// then <paramref name="current"/> stays and <paramref name="conflict"/> becomes <paramref name="rule"/> (if not set yet).
    /// Higher tiers narrow first, so a contradiction always keeps the higher tier's bound.
    /// </summary>
    public static Bound Narrow(Bound current, Bound next, int rule, ref int conflict)
    {
        var narrowed = Intersect(current, next);
        if (IsEmpty(narrowed))
        {
            if (conflict < 0)
            {
                conflict = rule;
            }

            return current;
        }

        return narrowed;
    }

    /// <summary>Whether the bound allows the value.</summary>
    public static bool Contains(Bound b, DimensionValue v)
    {
        if (IsInterval(b.Kind))
        {
            return b.Lo <= v.Number && v.Number <= b.Hi;
        }

        if (b.Kind == DimensionKind.Set)
        {
            return (v.Bits & b.Floor) == b.Floor && (v.Bits & ~b.Ceiling) == 0;
        }

        return v.Bits < MaxMembers && ((b.Ceiling >> (int)v.Bits) & 1UL) != 0;
    }

    /// <summary>Whether every value <paramref name="inner"/> allows is allowed by <paramref name="outer"/>.</summary>
    public static bool IsWithin(Bound inner, Bound outer)
    {
        if (IsEmpty(inner))
        {
            return true;
        }

        if (IsInterval(inner.Kind))
        {
            return inner.Lo >= outer.Lo && inner.Hi <= outer.Hi;
        }

        return inner.Kind == DimensionKind.Set
            ? (outer.Floor & ~inner.Floor) == 0 && (inner.Ceiling & ~outer.Ceiling) == 0
            : (inner.Ceiling & ~outer.Ceiling) == 0;
    }

    /// <summary>The most restrictive value a non-empty bound allows.</summary>
    public static DimensionValue Strictest(Bound b, bool higherIsStricter)
    {
        if (IsInterval(b.Kind))
        {
            return DimensionValue.OfNumber(higherIsStricter ? b.Hi : b.Lo);
        }

        if (b.Kind == DimensionKind.Set)
        {
            return DimensionValue.OfMask(higherIsStricter ? b.Ceiling : b.Floor);
        }

        return DimensionValue.OfPosition(higherIsStricter ? HighestBit(b.Ceiling) : LowestBit(b.Ceiling));
    }

    // Inlined, so that a caller whose kind is known or predictable (an overlaid snapshot's move) keeps a number's or a
    // set's clamp in line; the members' search stays out of line.
    /// <summary>
    /// The allowed value nearest to <paramref name="v"/> in a non-empty bound: intervals clamp to an end,
    /// members move to the nearest allowed position (the stricter one on a tie), sets gain the required
    /// flags and lose the flags not permitted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DimensionValue Clamp(Bound b, DimensionValue v, bool higherIsStricter)
    {
        if (IsInterval(b.Kind))
        {
            return ClampNumber(v, b.Lo, b.Hi);
        }

        return b.Kind == DimensionKind.Set ? ClampMask(v, b.Floor, b.Ceiling) : ClampPosition(b, v, higherIsStricter);
    }

    // Clamp for member kinds: the nearest allowed position, the stricter one on a tie.
    private static DimensionValue ClampPosition(Bound b, DimensionValue v, bool higherIsStricter)
    {
        if (Contains(b, v))
        {
            return v;
        }

        var p = v.Bits >= MaxMembers ? MaxMembers - 1 : (int)v.Bits;
        var below = b.Ceiling & PositionsFromTo(0, (ulong)p);
        var above = b.Ceiling & PositionsFromTo((ulong)p, MaxMembers - 1);
        if (below == 0)
        {
            return DimensionValue.OfPosition(LowestBit(above));
        }

        if (above == 0)
        {
            return DimensionValue.OfPosition(HighestBit(below));
        }

        var down = HighestBit(below);
        var up = LowestBit(above);
        var downDistance = p - down;
        var upDistance = up - p;
        if (downDistance == upDistance)
        {
            return DimensionValue.OfPosition(higherIsStricter ? up : down);
        }

        return DimensionValue.OfPosition(downDistance < upDistance ? down : up);
    }

    /// <summary>
    /// <see cref="Clamp"/> for an interval bound [<paramref name="lo"/>, <paramref name="hi"/>], with its ends given as
    /// numbers so that compiled evaluators pass constants and the comparison folds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DimensionValue ClampNumber(DimensionValue v, double lo, double hi) =>
        // An allowed value stays exactly as it is: clamping +0 into [lo, -0] must not turn it into -0,
        // because values compare bitwise.
        lo <= v.Number && v.Number <= hi ? v : DimensionValue.OfNumber(Math.Min(Math.Max(v.Number, lo), hi));

    /// <summary>
    /// <see cref="Clamp"/> for a set bound: the value gains the required flags (<paramref name="floor"/>) and loses those
    /// not permitted (outside <paramref name="ceiling"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DimensionValue ClampMask(DimensionValue v, ulong floor, ulong ceiling) =>
        DimensionValue.OfMask((v.Bits | floor) & ceiling);

    /// <summary>Whether the kind's bounds are intervals of numbers.</summary>
    public static bool IsInterval(DimensionKind kind) => kind == DimensionKind.Integer || kind == DimensionKind.Real;

    /// <summary>Whether the kind's values are positions of listed members.</summary>
    public static bool IsMembers(DimensionKind kind) =>
        kind == DimensionKind.Boolean || kind == DimensionKind.Ordinal || kind == DimensionKind.Choice;

    private static ulong MaskOfFirst(int count) => count >= MaxMembers ? ulong.MaxValue : (1UL << count) - 1;

    private static ulong PositionBit(ulong position) => position < MaxMembers ? 1UL << (int)position : 0;

    private static ulong PositionsFromTo(ulong from, ulong to)
    {
        if (from > to || from >= MaxMembers)
        {
            return 0;
        }

        var upTo = to >= MaxMembers - 1 ? ulong.MaxValue : (1UL << (int)(to + 1)) - 1;
        return upTo & ~((1UL << (int)from) - 1);
    }

    private static int LowestBit(ulong bits)
    {
#if NET
        return System.Numerics.BitOperations.TrailingZeroCount(bits);
#else
        var n = 0;
        while (n < MaxMembers && ((bits >> n) & 1UL) == 0)
        {
            n++;
        }

        return n;
#endif
    }

    private static int HighestBit(ulong bits)
    {
#if NET
        return 63 - System.Numerics.BitOperations.LeadingZeroCount(bits);
#else
        var n = MaxMembers - 1;
        while (n > 0 && ((bits >> n) & 1UL) == 0)
        {
            n--;
        }

        return n;
#endif
    }
}
