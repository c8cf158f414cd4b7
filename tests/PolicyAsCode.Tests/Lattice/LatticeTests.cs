using System;
using System.Linq;
using System.Numerics;
using CsCheck;
using Xunit;
using static PolicyAsCode.Lattice;

namespace PolicyAsCode.Tests;

/// <summary>A dimension's lattice as the tests see it: its kind, its whole domain and its direction of strictness.</summary>
public sealed record LatticeDomain(DimensionKind Kind, Bound Domain, int MemberCount, bool HigherIsStricter)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} domain {Domain} members {MemberCount}{(HigherIsStricter ? " higher-stricter" : string.Empty)}";
}

/// <summary>Generators of lattice domains, bounds and values for every dimension kind.</summary>
public static class LatticeGen
{
    public static Gen<LatticeDomain> Domain(DimensionKind kind) => kind switch
    {
        DimensionKind.Boolean => Gen.Bool.Select(h => new LatticeDomain(kind, BooleanDomain, 2, h)),
        DimensionKind.Ordinal => Gen.Select(Gen.Int[1, 8], Gen.Bool, (n, h) => new LatticeDomain(kind, MemberDomain(kind, n), n, h)),
        DimensionKind.Choice => Gen.Select(Gen.OneOf(2, 3, 5, 17, 63, 64), Gen.Bool, (n, h) => new LatticeDomain(kind, MemberDomain(kind, n), n, h)),
        DimensionKind.Integer => Gen.Bool.Select(h => new LatticeDomain(kind, IntegerDomain, 0, h)),
        DimensionKind.Real => Gen.Bool.Select(h => new LatticeDomain(kind, RealDomain, 0, h)),
        _ => Gen.Select(
            Gen.Frequency((3, (IGen<ulong>)Gen.Int[0, 255].Select(i => (ulong)i)), (1, Gen.ULong), (1, Gen.OneOf(0UL, ulong.MaxValue, 1UL << 63 | 1UL))),
            Gen.Bool,
            (flags, h) => new LatticeDomain(kind, SetDomain(flags), BitOperations.PopCount(flags), h)),
    };

    /// <summary>Numbers on a small grid, so that bounds and values meet at their ends, plus the extremes of the domain.</summary>
    private static Gen<double> Number(DimensionKind kind) => kind == DimensionKind.Integer
        ? Gen.Frequency((10, (IGen<double>)Gen.Int[-10, 10].Select(i => (double)i)), (1, Gen.OneOf((double)int.MinValue, (double)int.MaxValue)), (1, Gen.Int.Select(i => (double)i)))
        : Gen.Frequency((10, (IGen<double>)Gen.Int[-20, 20].Select(i => i / 4.0)), (1, Gen.OneOf(-double.MaxValue, double.MaxValue, -0.0, double.Epsilon)), (1, Gen.Double[-1e9, 1e9]));

    /// <summary>A value in the domain.</summary>
    public static Gen<DimensionValue> Value(LatticeDomain d) => d.Kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => Number(d.Kind).Select(DimensionValue.OfNumber),
        DimensionKind.Set => Gen.Frequency((3, (IGen<ulong>)Gen.ULong), (1, Gen.Select(Gen.ULong, Gen.ULong, (a, b) => a & b)), (1, Gen.Select(Gen.ULong, Gen.ULong, (a, b) => a | b)))
            .Select(bits => DimensionValue.OfMask(bits & d.Domain.Ceiling)),
        _ => Gen.Int[0, d.MemberCount - 1].Select(DimensionValue.OfPosition),
    };

    /// <summary>Any bound on the domain: built by a form, or raw (possibly empty).</summary>
    public static Gen<Bound> Bound(LatticeDomain d)
    {
        var built = from form in Gen.Enum<BoundForm>()
                    from a in Value(d)
                    from b in Value(d)
                    select Build(d.Domain, form, a, b);
        Gen<Bound> raw = d.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real =>
                Gen.Select(Number(d.Kind), Number(d.Kind), Gen.Frequency((6, false), (1, true)), (a, b, reverse) =>
                {
                    var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
                    return reverse ? new Bound(d.Kind, hi, lo, 0, 0) : new Bound(d.Kind, lo, hi, 0, 0);
                }),
            DimensionKind.Set =>
                Gen.Select(Gen.ULong, Gen.ULong, Gen.ULong, Gen.Frequency((4, true), (1, false)), (f1, f2, c, nested) =>
                {
                    var floor = f1 & f2 & d.Domain.Ceiling;
                    var ceiling = (c | (nested ? floor : 0)) & d.Domain.Ceiling;
                    return new Bound(d.Kind, 0, 0, floor, ceiling);
                }),
            _ => Gen.ULong.Select(mask => Members(d.Domain, mask)),
        };
        return Gen.Frequency((1, built), (1, raw));
    }

    /// <summary>A domain of the kind with three bounds and a handful of values on it.</summary>
    public static Gen<(LatticeDomain Domain, Bound A, Bound B, Bound C, DimensionValue[] Values)> Sample(DimensionKind kind) =>
        from d in Domain(kind)
        from a in Bound(d)
        from b in Bound(d)
        from c in Bound(d)
        from values in Value(d).Array[12]
        select (d, a, b, c, values);
}

/// <summary>Unit and property tests of <see cref="PolicyAsCode.Lattice"/> for every dimension kind.</summary>
public sealed class LatticeTests
{
    private const int Iterations = 3_000;

    public static TheoryData<DimensionKind> Kinds => new(Enum.GetValues<DimensionKind>());

    // ------------------------------------------------------------------ helpers

    /// <summary>Every value of a member domain, or the sample values with the bound's own corners for the others.</summary>
    private static DimensionValue[] Probe(LatticeDomain d, DimensionValue[] values, params Bound[] bounds)
    {
        if (IsMembers(d.Kind))
        {
            return [.. Enumerable.Range(0, d.MemberCount).Select(DimensionValue.OfPosition)];
        }

        var corners = bounds.SelectMany(b => IsInterval(d.Kind)
            ? new[] { DimensionValue.OfNumber(b.Lo), DimensionValue.OfNumber(b.Hi) }
            : new[] { DimensionValue.OfMask(b.Floor), DimensionValue.OfMask(b.Ceiling), DimensionValue.OfMask(b.Floor & d.Domain.Ceiling), DimensionValue.OfMask(b.Ceiling & d.Domain.Ceiling) });
        return [.. values, .. corners.Where(v => !IsInterval(d.Kind) || (double.IsFinite(v.Number)))];
    }

    /// <summary>The distance between two values of a kind: numeric for intervals and members, flags changed for sets.</summary>
    private static double Distance(DimensionKind kind, DimensionValue a, DimensionValue b) => kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => Math.Abs(a.Number - b.Number),
        DimensionKind.Set => BitOperations.PopCount(a.Bits ^ b.Bits),
        _ => Math.Abs((double)a.Bits - b.Bits),
    };

    /// <summary>Whether <paramref name="a"/> is at least as strict as <paramref name="b"/> (sets: by inclusion).</summary>
    private static bool AtLeastAsStrict(LatticeDomain d, DimensionValue a, DimensionValue b) => d.Kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => d.HigherIsStricter ? a.Number >= b.Number : a.Number <= b.Number,
        DimensionKind.Set => d.HigherIsStricter ? (b.Bits & ~a.Bits) == 0 : (a.Bits & ~b.Bits) == 0,
        _ => d.HigherIsStricter ? a.Bits >= b.Bits : a.Bits <= b.Bits,
    };

    private static bool Ordered(LatticeDomain d, DimensionValue lo, DimensionValue hi) => d.Kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => lo.Number <= hi.Number,
        DimensionKind.Set => (lo.Bits & ~hi.Bits) == 0,
        _ => lo.Bits <= hi.Bits,
    };

    // ------------------------------------------------------------------ properties

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Intersect_is_commutative_associative_and_idempotent(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, b, c, _) =>
        {
            Assert.Equal(Intersect(a, b), Intersect(b, a));
            Assert.Equal(Intersect(Intersect(a, b), c), Intersect(a, Intersect(b, c)));
            Assert.Equal(a, Intersect(a, a));
            Assert.True(IsWithin(Intersect(a, d.Domain), d.Domain));
            Assert.Equal(kind, Intersect(a, b).Kind);
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Intersect_allows_exactly_the_values_both_bounds_allow(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, b, _, values) =>
        {
            var meet = Intersect(a, b);
            foreach (var v in Probe(d, values, a, b, meet))
            {
                Assert.Equal(Contains(a, v) && Contains(b, v), Contains(meet, v));
            }

            Assert.True(IsWithin(meet, a));
            Assert.True(IsWithin(meet, b));
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Empty_bounds_allow_nothing_and_non_empty_ones_allow_their_strictest_value(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, _, _, values) =>
        {
            var bound = Intersect(a, d.Domain);
            if (IsEmpty(bound))
            {
                Assert.DoesNotContain(Probe(d, values, a), v => Contains(bound, v));
            }
            else
            {
                Assert.True(Contains(bound, Strictest(bound, d.HigherIsStricter)));
            }

            Assert.True(IsEmpty(Empty(kind)));
            Assert.DoesNotContain(Probe(d, values), v => Contains(Empty(kind), v));
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Clamp_lands_inside_a_non_empty_bound_keeps_values_inside_and_moves_to_the_nearest(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, _, _, values) =>
        {
            var bound = Intersect(a, d.Domain);
            if (IsEmpty(bound))
            {
                return;
            }

            var inside = Probe(d, values, bound).Where(w => Contains(bound, w)).ToArray();
            foreach (var v in values)
            {
                var clamped = Clamp(bound, v, d.HigherIsStricter);
                Assert.True(Contains(bound, clamped), $"Clamp({bound}, {v}) = {clamped} lies outside");
                if (Contains(bound, v))
                {
                    Assert.Equal(v, clamped);
                }

                foreach (var w in inside)
                {
                    var (near, other) = (Distance(kind, clamped, v), Distance(kind, w, v));
                    Assert.True(near <= other, $"Clamp({bound}, {v}) = {clamped} but {w} is nearer");
                    if (near == other && w != clamped && IsMembers(kind))
                    {
                        Assert.True(AtLeastAsStrict(d, clamped, w), $"Clamp({bound}, {v}) = {clamped}: on a tie the stricter {w} wins");
                    }
                }
            }

            if (IsMembers(kind))
            {
                // Values outside the domain clamp inside too.
                foreach (var outside in new[] { DimensionValue.OfPosition(d.MemberCount), DimensionInfo.OutsideMembers, DimensionValue.OfMask(ulong.MaxValue) })
                {
                    Assert.True(Contains(bound, Clamp(bound, outside, d.HigherIsStricter)));
                }
            }
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Strictest_lies_inside_and_is_the_least_or_greatest_value(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, _, _, values) =>
        {
            var bound = Intersect(a, d.Domain);
            if (IsEmpty(bound))
            {
                return;
            }

            var strictest = Strictest(bound, d.HigherIsStricter);
            Assert.True(Contains(bound, strictest));
            foreach (var w in Probe(d, values, bound).Where(w => Contains(bound, w)))
            {
                Assert.True(AtLeastAsStrict(d, strictest, w), $"Strictest({bound}) = {strictest} but {w} is stricter");
            }

            // Members and sets are ordered by position or inclusion, whatever direction is stricter.
            var other = Strictest(bound, !d.HigherIsStricter);
            Assert.True(Ordered(d, d.HigherIsStricter ? other : strictest, d.HigherIsStricter ? strictest : other));
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void IsWithin_agrees_with_Contains(DimensionKind kind) =>
        LatticeGen.Sample(kind).Sample((d, a, b, _, values) =>
        {
            var within = IsWithin(a, b);
            Assert.Equal(within, IsEmpty(a) || Intersect(a, b) == a);
            foreach (var v in Probe(d, values, a, b))
            {
                if (within && Contains(a, v))
                {
                    Assert.True(Contains(b, v), $"{a} is within {b} but {v} is in one, not the other");
                }
            }

            if (!within)
            {
                // A witness: a value the inner bound allows and the outer does not.
                var witnesses = IsInterval(kind)
                    ? new[] { DimensionValue.OfNumber(a.Lo), DimensionValue.OfNumber(a.Hi) }
                    : kind == DimensionKind.Set
                        ? new[] { DimensionValue.OfMask(a.Floor), DimensionValue.OfMask(a.Ceiling) }
                        : [DimensionValue.OfPosition(BitOperations.TrailingZeroCount(a.Ceiling & ~b.Ceiling))];
                Assert.Contains(witnesses, w => Contains(a, w) && !Contains(b, w));
            }

            Assert.True(IsWithin(Empty(kind), a));
            Assert.True(IsWithin(a, a));
        }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Narrow_never_empties_a_bound_and_records_the_first_conflicting_rule(DimensionKind kind) =>
        LatticeGen.Domain(kind).SelectMany(d => Gen.Select(Gen.Const(d), LatticeGen.Bound(d).Array[0, 8], Gen.Int[-1, 3]))
            .Sample((d, rules, preset) =>
            {
                var current = d.Domain;
                var expected = d.Domain;
                var conflict = preset < 0 ? -1 : 100 + preset;
                var expectedConflict = conflict;
                for (var i = 0; i < rules.Length; i++)
                {
                    var meet = Intersect(expected, rules[i]);
                    if (IsEmpty(meet))
                    {
                        expectedConflict = expectedConflict < 0 ? i : expectedConflict;
                    }
                    else
                    {
                        expected = meet;
                    }

                    var before = current;
                    current = Narrow(current, rules[i], i, ref conflict);
                    Assert.False(IsEmpty(current), $"Narrow({before}, {rules[i]}) left nothing");
                    Assert.True(IsWithin(current, before));
                    Assert.Equal(expected, current);
                    Assert.Equal(expectedConflict, conflict);
                }
            }, iter: Iterations);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_gives_what_each_form_says(DimensionKind kind) =>
        LatticeGen.Domain(kind).SelectMany(d => Gen.Select(Gen.Const(d), Gen.Enum<BoundForm>(), LatticeGen.Value(d), LatticeGen.Value(d), LatticeGen.Value(d).Array[12]))
            .Sample((d, form, first, second, values) =>
            {
                var bound = Build(d.Domain, form, first, second);
                Assert.Equal(kind, bound.Kind);
                Assert.True(IsWithin(bound, d.Domain));
                if (!Supports(kind, form))
                {
                    Assert.True(IsEmpty(bound), $"{form} is not supported on {kind} and should build nothing");
                    return;
                }

                foreach (var v in Probe(d, values, bound).Append(first).Append(second))
                {
                    bool expected;
                    if (IsInterval(kind))
                    {
                        var x = v.Number;
                        expected = form switch
                        {
                            BoundForm.AtMost => x <= first.Number,
                            BoundForm.AtLeast => x >= first.Number,
                            BoundForm.Between => first.Number <= x && x <= second.Number,
                            _ => x == first.Number,
                        };
                        expected &= Contains(d.Domain, v);
                    }
                    else if (kind == DimensionKind.Set)
                    {
                        var x = v.Bits;
                        expected = form switch
                        {
                            BoundForm.AtMost or BoundForm.Allowed => (x & ~first.Bits) == 0,
                            BoundForm.AtLeast => (first.Bits & ~x) == 0,
                            BoundForm.Between => (first.Bits & ~x) == 0 && (x & ~second.Bits) == 0,
                            _ => x == first.Bits,
                        };
                        expected &= Contains(d.Domain, v);
                    }
                    else
                    {
                        var p = v.Bits;
                        expected = p < (ulong)d.MemberCount && form switch
                        {
                            BoundForm.AtMost => p <= first.Bits,
                            BoundForm.AtLeast => p >= first.Bits,
                            BoundForm.Between => first.Bits <= p && p <= second.Bits,
                            _ => p == first.Bits, // Locked, and Allowed with one member
                        };
                    }

                    Assert.True(expected == Contains(bound, v), $"{form}({first}, {second}) on {d}: Contains({bound}, {v}) should be {expected}");
                }
            }, iter: Iterations);

    // ------------------------------------------------------------------ examples

    private static readonly Bound Maturity = MemberDomain(DimensionKind.Ordinal, 3); // General, Teen, Mature
    private static readonly DimensionValue General = DimensionValue.OfPosition(0);
    private static readonly DimensionValue Teen = DimensionValue.OfPosition(1);
    private static readonly DimensionValue Mature = DimensionValue.OfPosition(2);

    [Fact]
    public void Ordinal_forms_build_the_positions_they_name()
    {
        Assert.Equal(0b011UL, Build(Maturity, BoundForm.AtMost, Teen, default).Ceiling);
        Assert.Equal(0b110UL, Build(Maturity, BoundForm.AtLeast, Teen, default).Ceiling);
        Assert.Equal(0b110UL, Build(Maturity, BoundForm.Between, Teen, Mature).Ceiling);
        Assert.Equal(0b010UL, Build(Maturity, BoundForm.Locked, Teen, default).Ceiling);
        Assert.Equal(0b101UL, Members(Maturity, 0b101).Ceiling);
        Assert.Equal(0b111UL, Build(Maturity, BoundForm.AtMost, DimensionValue.OfPosition(9), default).Ceiling);
        Assert.True(IsEmpty(Build(Maturity, BoundForm.Between, Mature, Teen)));
        Assert.True(IsEmpty(Build(Maturity, BoundForm.AtLeast, DimensionValue.OfPosition(3), default)));
        Assert.True(IsEmpty(Build(Maturity, BoundForm.Locked, DimensionInfo.OutsideMembers, default)));
        Assert.True(IsEmpty(Members(Maturity, 0b1000)));

        var teenAtMost = Build(Maturity, BoundForm.AtMost, Teen, default);
        Assert.True(Contains(teenAtMost, General));
        Assert.True(Contains(teenAtMost, Teen));
        Assert.False(Contains(teenAtMost, Mature));
        Assert.False(Contains(teenAtMost, DimensionInfo.OutsideMembers));
    }

    [Fact]
    public void A_sixty_four_member_domain_uses_every_bit()
    {
        var domain = MemberDomain(DimensionKind.Choice, 64);
        Assert.Equal(ulong.MaxValue, domain.Ceiling);
        Assert.Equal(1UL << 63, Build(domain, BoundForm.AtLeast, DimensionValue.OfPosition(63), default).Ceiling);
        Assert.Equal(ulong.MaxValue, Build(domain, BoundForm.AtMost, DimensionValue.OfPosition(63), default).Ceiling);
        Assert.False(Contains(domain, DimensionInfo.OutsideMembers));
        Assert.Equal(DimensionValue.OfPosition(63), Clamp(domain, DimensionInfo.OutsideMembers, false));
        Assert.Equal(3UL, MemberDomain(DimensionKind.Boolean, 2).Ceiling);
        Assert.Equal(BooleanDomain, MemberDomain(DimensionKind.Boolean, 2));
    }

    [Fact]
    public void Interval_forms_build_closed_intervals_inside_the_domain()
    {
        var atMost = Build(IntegerDomain, BoundForm.AtMost, DimensionValue.OfNumber(30), default);
        Assert.Equal(int.MinValue, atMost.Lo);
        Assert.Equal(30, atMost.Hi);
        Assert.True(Contains(atMost, DimensionValue.OfNumber(30)));
        Assert.False(Contains(atMost, DimensionValue.OfNumber(31)));
        Assert.Equal(new Bound(DimensionKind.Integer, 7, int.MaxValue, 0, 0), Build(IntegerDomain, BoundForm.AtLeast, DimensionValue.OfNumber(7), default));
        Assert.Equal(new Bound(DimensionKind.Real, 0.5, 2.5, 0, 0), Build(RealDomain, BoundForm.Between, DimensionValue.OfNumber(0.5), DimensionValue.OfNumber(2.5)));
        Assert.Equal(new Bound(DimensionKind.Real, 1, 1, 0, 0), Build(RealDomain, BoundForm.Locked, DimensionValue.OfNumber(1), default));
        Assert.True(IsEmpty(Build(RealDomain, BoundForm.Between, DimensionValue.OfNumber(3), DimensionValue.OfNumber(2))));
        Assert.True(IsEmpty(Build(IntegerDomain, BoundForm.Allowed, DimensionValue.OfNumber(3), default)));
        Assert.False(Supports(DimensionKind.Integer, BoundForm.Allowed));
        Assert.False(Supports(DimensionKind.Real, BoundForm.Allowed));
        Assert.True(Supports(DimensionKind.Set, BoundForm.Allowed));
        Assert.True(Supports(DimensionKind.Choice, BoundForm.Allowed));

        // Real bounds hold only finite numbers.
        Assert.False(Contains(RealDomain, DimensionValue.OfNumber(double.NaN)));
        Assert.False(Contains(RealDomain, DimensionValue.OfNumber(double.PositiveInfinity)));
        Assert.True(IsEmpty(Build(RealDomain, BoundForm.AtMost, DimensionValue.OfNumber(double.NaN), default)));

        Assert.Equal(DimensionValue.OfNumber(30), Clamp(atMost, DimensionValue.OfNumber(45), false));

        // Values compare bitwise, so an allowed +0 must not come back as -0 from a bound ending at -0.
        var upToNegativeZero = new Bound(DimensionKind.Real, -1, -0.0, 0, 0);
        Assert.Equal(DimensionValue.OfNumber(0.0), Clamp(upToNegativeZero, DimensionValue.OfNumber(0.0), false));
        Assert.Equal(DimensionValue.OfNumber(-0.0), Clamp(upToNegativeZero, DimensionValue.OfNumber(2), false));
        Assert.Equal(DimensionValue.OfNumber(int.MinValue), Strictest(atMost, false));
        Assert.Equal(DimensionValue.OfNumber(30), Strictest(atMost, true));
    }

    [Fact]
    public void Set_forms_build_floors_and_ceilings_of_flags()
    {
        var domain = SetDomain(0b1011);
        var atMost = Build(domain, BoundForm.AtMost, DimensionValue.OfMask(0b0011), default);
        Assert.Equal((0UL, 0b0011UL), (atMost.Floor, atMost.Ceiling));
        Assert.Equal(atMost, Build(domain, BoundForm.Allowed, DimensionValue.OfMask(0b0011), default));
        var atLeast = Build(domain, BoundForm.AtLeast, DimensionValue.OfMask(0b1000), default);
        Assert.Equal((0b1000UL, 0b1011UL), (atLeast.Floor, atLeast.Ceiling));
        Assert.True(IsEmpty(Build(domain, BoundForm.AtLeast, DimensionValue.OfMask(0b0100), default)), "requiring an undefined flag allows nothing");
        var locked = Build(domain, BoundForm.Locked, DimensionValue.OfMask(0b0010), default);
        Assert.True(Contains(locked, DimensionValue.OfMask(0b0010)));
        Assert.False(Contains(locked, DimensionValue.OfMask(0b0011)));
        Assert.False(Contains(locked, DimensionValue.OfMask(0)));
        Assert.True(IsEmpty(Intersect(atMost, atLeast)));
        Assert.Equal(DimensionValue.OfMask(0b1001), Clamp(atLeast, DimensionValue.OfMask(0b0101), false));
        Assert.Equal(DimensionValue.OfMask(0b1000), Strictest(atLeast, false));
        Assert.Equal(DimensionValue.OfMask(0b1011), Strictest(atLeast, true));
        Assert.False(Contains(domain, DimensionValue.OfMask(0b0100)));
    }

    [Fact]
    public void Clamp_moves_members_to_the_nearest_allowed_position_and_the_stricter_on_a_tie()
    {
        var ends = Members(MemberDomain(DimensionKind.Ordinal, 5), 0b10001); // positions 0 and 4
        Assert.Equal(DimensionValue.OfPosition(0), Clamp(ends, DimensionValue.OfPosition(1), false));
        Assert.Equal(DimensionValue.OfPosition(4), Clamp(ends, DimensionValue.OfPosition(3), false));
        Assert.Equal(DimensionValue.OfPosition(0), Clamp(ends, DimensionValue.OfPosition(2), false));
        Assert.Equal(DimensionValue.OfPosition(4), Clamp(ends, DimensionValue.OfPosition(2), true));
        Assert.Equal(DimensionValue.OfPosition(4), Clamp(ends, DimensionInfo.OutsideMembers, false));
        Assert.Equal(Teen, Clamp(Build(Maturity, BoundForm.AtMost, Teen, default), Mature, false));
        Assert.Equal(General, Strictest(Build(Maturity, BoundForm.AtMost, Teen, default), false));
        Assert.Equal(Teen, Strictest(Build(Maturity, BoundForm.AtMost, Teen, default), true));
    }

    [Fact]
    public void Narrow_keeps_the_higher_bound_on_a_contradiction()
    {
        var conflict = -1;
        var teen = Build(Maturity, BoundForm.AtMost, Teen, default);
        var current = Narrow(Maturity, teen, 0, ref conflict);
        Assert.Equal(teen, current);
        current = Narrow(current, Build(Maturity, BoundForm.Locked, Mature, default), 1, ref conflict);
        Assert.Equal(teen, current);
        Assert.Equal(1, conflict);
        current = Narrow(current, Build(Maturity, BoundForm.AtLeast, Mature, default), 2, ref conflict);
        Assert.Equal(1, conflict);
        current = Narrow(current, Build(Maturity, BoundForm.Locked, General, default), 3, ref conflict);
        Assert.Equal(Build(Maturity, BoundForm.Locked, General, default), current);
        Assert.Equal(1, conflict);
    }

    [Fact]
    public void Every_kind_has_an_empty_bound()
    {
        foreach (var kind in Enum.GetValues<DimensionKind>())
        {
            Assert.True(IsEmpty(Empty(kind)), kind.ToString());
            Assert.Equal(kind, Empty(kind).Kind);
        }

        Assert.False(IsEmpty(IntegerDomain));
        Assert.False(IsEmpty(RealDomain));
        Assert.False(IsEmpty(SetDomain(0)));
        Assert.True(Contains(SetDomain(0), DimensionValue.OfMask(0)));
        Assert.True(IsEmpty(MemberDomain(DimensionKind.Ordinal, 0)));
    }
}
