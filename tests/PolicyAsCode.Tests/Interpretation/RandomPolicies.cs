using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using CsCheck;

namespace PolicyAsCode.Tests.Interpretation;

/// <summary>One generated input of the interpreter: a policy, a context, the requested values and the unreadable dimensions.</summary>
public sealed record PolicyCase(PolicyRegistry Registry, PolicyContext Context, DimensionValue[] Requested, DimensionSet Unreadable)
{
    /// <inheritdoc/>
    public override string ToString() => RandomPolicies.Describe(this);
}

/// <summary>
/// CsCheck generators of random but well-formed policy registries, request contexts and requested values.
/// Registries have one to three immutable tiers (EU, US, UK), up to two organisation tiers and the user tier last;
/// one to eight dimensions of every kind (one of them possibly the user's hazard list); bounds on every tier,
/// including contradictory, conditional and waivable ones; waiver claims, delegated or not, by the right rank or not;
/// tier defaults; and hazard rules, the tiers' first and the user's own last.
/// </summary>
public static class RandomPolicies
{
    /// <summary>The jurisdictions immutable tiers are drawn from.</summary>
    public static readonly string[] JurisdictionNames = ["EU", "US", "UK"];

    /// <summary>The facts conditions are written on.</summary>
    public static readonly Fact[] ConditionFacts = [Fact.Minor, Fact.ConsentsToMemory, Fact.RolePlay];

    private static readonly int[][] Permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    private static readonly string[] HazardNames = Enumerable.Range(0, 14).Select(i => ((Hazard)(1UL << i)).ToString()).ToArray();

    private static readonly Fact ContextFacts = Fact.Minor | Fact.ConsentsToMemory | Fact.RolePlay | Fact.VerifiedAdult;

    // ------------------------------------------------------------------ building blocks

    /// <summary>Combines a list of generators into a generator of arrays (one element from each, in order).</summary>
    public static Gen<T[]> Sequence<T>(IReadOnlyList<Gen<T>> gens)
    {
        var acc = Gen.Const(ImmutableList<T>.Empty);
        foreach (var gen in gens)
        {
            var g = gen;
            acc = acc.SelectMany(list => g.Select(x => list.Add(x)));
        }

        return acc.Select(list => list.ToArray());
    }

    /// <summary>A condition: mostly always, sometimes on one or two facts.</summary>
    public static readonly Gen<Condition> Condition = Gen.Frequency(
        (6, (IGen<Condition>)Gen.Const(PolicyAsCode.Condition.Always)),
        (2, Gen.OneOf(ConditionFacts).Select(f => new Condition(f, Fact.None))),
        (1, Gen.OneOf(ConditionFacts).Select(f => new Condition(Fact.None, f))),
        (1, Gen.Select(Gen.OneOf(ConditionFacts), Gen.OneOf(ConditionFacts), (w, u) => new Condition(w, u))),
        (1, Gen.Select(Gen.OneOf(ConditionFacts), Gen.OneOf(ConditionFacts), (a, b) => new Condition(a | b, Fact.None))));

    /// <summary>A waiver claim's condition: facts that must be established for the waiver to hold.</summary>
    public static readonly Gen<Condition> ClaimCondition = Gen.Frequency(
        (2, (IGen<Condition>)Gen.Const(PolicyAsCode.Condition.Always)),
        (3, Gen.Const(new Condition(Fact.RolePlay, Fact.None))),
        (2, Gen.Const(new Condition(Fact.RolePlay, Fact.Minor))),
        (1, Gen.OneOf(ConditionFacts).Select(f => new Condition(f, Fact.None))));

    /// <summary>Small integers, so that bounds and requests often meet at their ends, plus the extremes.</summary>
    public static readonly Gen<double> IntegerNumber = Gen.Frequency(
        (12, (IGen<double>)Gen.Int[-8, 8].Select(i => (double)i)),
        (1, Gen.OneOf((double)int.MinValue, (double)int.MaxValue, 0.0, -0.0)),
        (1, Gen.Int.Select(i => (double)i)));

    /// <summary>Finite reals: mostly halves on a small grid, plus extremes, negative zero and arbitrary finite numbers.</summary>
    public static readonly Gen<double> RealNumber = Gen.Frequency(
        (12, (IGen<double>)Gen.Int[-16, 16].Select(i => i / 2.0)),
        (1, Gen.OneOf(-0.0, double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 1e300)),
        (2, Gen.Double[-1e6, 1e6]));

    /// <summary>A value of <paramref name="dimension"/>'s type (in its domain).</summary>
    public static Gen<DimensionValue> InDomainValue(DimensionInfo dimension) => dimension.Kind switch
    {
        DimensionKind.Integer => IntegerNumber.Select(DimensionValue.OfNumber),
        DimensionKind.Real => RealNumber.Select(DimensionValue.OfNumber),
        DimensionKind.Set => Gen.Frequency(
            (3, (IGen<ulong>)Gen.ULong),
            (2, Gen.Select(Gen.ULong, Gen.ULong, (a, b) => a & b)),
            (1, Gen.Const(0UL)),
            (1, Gen.Const(ulong.MaxValue))).Select(bits => DimensionValue.OfMask(bits & dimension.Domain.Ceiling)),
        _ => Gen.Int[0, dimension.Members.Length - 1].Select(DimensionValue.OfPosition),
    };

    /// <summary>A value a reader could hand over that is not of <paramref name="dimension"/>'s type.</summary>
    public static Gen<DimensionValue> OutOfDomainValue(DimensionInfo dimension) => dimension.Kind switch
    {
        DimensionKind.Real => Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity).Select(DimensionValue.OfNumber),
        DimensionKind.Integer => Gen.OneOf(0.5, -2.5, 1e10, -1e10, (double)int.MaxValue + 1, (double)int.MinValue - 1, double.NaN, double.PositiveInfinity, double.NegativeInfinity)
            .Select(DimensionValue.OfNumber),
        DimensionKind.Set => Gen.Select(Gen.ULong, Gen.Int[0, 63], (bits, extra) =>
        {
            var undefined = ~dimension.Domain.Ceiling;
            var bit = 1UL << extra;
            var outside = (bit & undefined) != 0 ? bit : undefined & (ulong)-(long)undefined; // lowest undefined bit
            return DimensionValue.OfMask((bits & dimension.Domain.Ceiling) | outside);
        }),
        _ => Gen.OneOf(DimensionInfo.OutsideMembers, DimensionValue.OfPosition(dimension.Members.Length), DimensionValue.OfPosition(1000),
            DimensionValue.OfMask(ulong.MaxValue)),
    };

    /// <summary>A requested value: in the domain nine times in ten.</summary>
    public static Gen<DimensionValue> RequestedValue(DimensionInfo dimension) =>
        Gen.Frequency((9, InDomainValue(dimension)), (1, OutOfDomainValue(dimension)));

    // ------------------------------------------------------------------ dimensions

    /// <summary>A dimension of a random kind (or the user's hazard list when <paramref name="hazard"/>).</summary>
    public static Gen<DimensionInfo> Dimension(int index, bool hazard)
    {
        var shape = hazard
            ? Gen.Frequency((4, true), (1, false)).Select(higher => HazardDimension(index, higher))
            : Gen.Select(Gen.Enum<DimensionKind>(), Gen.Int[2, 6], Gen.Int[0, 1023], Gen.Frequency((2, false), (1, true)),
                (kind, count, flags, higher) => PlainDimension(index, kind, count, flags, higher));

        return from dimension in shape
               from value in InDomainValue(dimension)
               from initialised in Gen.Frequency((2, true), (1, false))
               from linked in Gen.Int[0, 3]
               select dimension with
               {
                   Default = value,
                   HasInitialiser = initialised,
                   Enables = linked == 1 ? [Benefit.Autonomy] : [],
                   Mitigates = linked >= 2 ? [Risk.ManipulationOfTheVulnerable] : [],
               };
    }

    private static DimensionInfo PlainDimension(int index, DimensionKind kind, int count, int flagBits, bool higherIsStricter)
    {
        ImmutableArray<string> members = [];
        ImmutableArray<long> values = [];
        Bound domain;
        switch (kind)
        {
            case DimensionKind.Boolean:
                members = ["false", "true"];
                values = [0, 1];
                domain = Lattice.BooleanDomain;
                break;
            case DimensionKind.Ordinal:
            case DimensionKind.Choice:
                var n = kind == DimensionKind.Choice ? Math.Min(count, 5) : count;
                members = [.. Enumerable.Range(0, n).Select(i => (kind == DimensionKind.Ordinal ? "Level" : "choice") + i.ToString(CultureInfo.InvariantCulture))];
                values = [.. Enumerable.Range(0, n).Select(i => (long)i)];
                domain = Lattice.MemberDomain(kind, n);
                break;
            case DimensionKind.Set:
                var flags = (ulong)flagBits;
                if (BitOperations.PopCount(flags) < 2)
                {
                    flags |= 0b11;
                }

                while (BitOperations.PopCount(flags) > 6)
                {
                    flags &= ~(1UL << (63 - BitOperations.LeadingZeroCount(flags)));
                }

                var bits = Enumerable.Range(0, 64).Where(b => ((flags >> b) & 1) != 0).ToArray();
                members = [.. bits.Select(b => "Flag" + b.ToString(CultureInfo.InvariantCulture))];
                values = [.. bits.Select(b => 1L << b)];
                if (count % 2 == 0)
                {
                    // A composite member, as [Flags] enums often declare (Both = Text | Voice), after the flags it joins.
                    members = members.Add("Flag" + bits[0].ToString(CultureInfo.InvariantCulture) + "And" + bits[1].ToString(CultureInfo.InvariantCulture));
                    values = values.Add((1L << bits[0]) | (1L << bits[1]));
                }

                if (count >= 5)
                {
                    members = members.Insert(0, "None");
                    values = values.Insert(0, 0L);
                }

                domain = Lattice.SetDomain(flags);
                break;
            case DimensionKind.Integer:
                domain = Lattice.IntegerDomain;
                break;
            default:
                domain = Lattice.RealDomain;
                break;
        }

        return new DimensionInfo(index, "Dim" + index.ToString(CultureInfo.InvariantCulture) + kind, kind, "Tests." + kind + index.ToString(CultureInfo.InvariantCulture),
            members, values, domain, higherIsStricter, default, false, "dimension " + index.ToString(CultureInfo.InvariantCulture), [], []);
    }

    private static DimensionInfo HazardDimension(int index, bool higherIsStricter) =>
        new(index, "AvoidHazards" + index.ToString(CultureInfo.InvariantCulture), DimensionKind.Set, "PolicyAsCode.Hazard",
            [.. HazardNames], [.. Enumerable.Range(0, 14).Select(i => 1L << i)], Lattice.SetDomain((ulong)Taxonomy.Shipped),
            higherIsStricter, default, false, "hazards the user asks to avoid", [], [Risk.ManipulationOfTheVulnerable]);

    // ------------------------------------------------------------------ bounds

    private sealed record BoundDraft(int Tier, int Dimension, BoundForm Form, Bound Bound, Condition Condition, TierRank? WaivableBy, string Source, string? Reason, bool Linked);

    private static readonly BoundForm[] Forms = [BoundForm.AtMost, BoundForm.AtLeast, BoundForm.Between, BoundForm.Locked, BoundForm.Allowed];

    private static Gen<BoundDraft> BoundOn(DimensionInfo dimension, int tier, TierRank rank)
    {
        var forms = Forms.Where(f => Lattice.Supports(dimension.Kind, f)).ToArray();
        var waivable = rank switch
        {
            TierRank.Immutable => Gen.Frequency((6, (TierRank?)null), (3, TierRank.User), (1, TierRank.Organisation)),
            TierRank.Organisation => Gen.Frequency((6, (TierRank?)null), (2, TierRank.User), (1, TierRank.Organisation)),
            _ => Gen.Const((TierRank?)null),
        };

        return from form in Gen.OneOf(forms)
               from a in InDomainValue(dimension)
               from b in InDomainValue(dimension)
               from members in Gen.ULong
               from reversed in Gen.Frequency((15, false), (1, true))
               from condition in Condition
               from waiver in waivable
               from reason in Gen.Frequency((1, (string?)null), (2, "because tier " + tier.ToString(CultureInfo.InvariantCulture) + " says so"))
               from linked in Gen.Bool
               select MakeBound(dimension, tier, form, a, b, members, reversed, condition, waiver, reason, linked);
    }

    private static BoundDraft MakeBound(DimensionInfo d, int tier, BoundForm form, DimensionValue a, DimensionValue b, ulong members,
        bool reversed, Condition condition, TierRank? waivableBy, string? reason, bool linked)
    {
        // Between takes its ends in order, unless this bound is drawn contradictory on purpose.
        DimensionValue lo = a, hi = b;
        if (form == BoundForm.Between)
        {
            switch (d.Kind)
            {
                case DimensionKind.Integer:
                case DimensionKind.Real:
                    (lo, hi) = a.Number <= b.Number ? (a, b) : (b, a);
                    break;
                case DimensionKind.Set:
                    (lo, hi) = (DimensionValue.OfMask(a.Bits & b.Bits), DimensionValue.OfMask(a.Bits | b.Bits));
                    break;
                default:
                    (lo, hi) = a.Bits <= b.Bits ? (a, b) : (b, a);
                    break;
            }

            if (reversed)
            {
                (lo, hi) = (hi, lo);
            }
        }

        Bound bound;
        string source;
        if (form == BoundForm.Allowed && Lattice.IsMembers(d.Kind))
        {
            var positions = members & d.Domain.Ceiling;
            if (positions == 0 || reversed)
            {
                positions |= 1UL << a.Position;
            }

            bound = Lattice.Members(d.Domain, positions);
            source = "Allowed(" + string.Join(", ", Enumerable.Range(0, d.Members.Length).Where(p => ((positions >> p) & 1) != 0).Select(p => d.Members[p])) + ")";
        }
        else
        {
            bound = Lattice.Build(d.Domain, form, lo, hi);
            source = form == BoundForm.Between ? $"Between({d.Format(lo)}, {d.Format(hi)})" : $"{form}({d.Format(lo)})";
        }

        return new BoundDraft(tier, d.Index, form, bound, condition, waivableBy, source, reason, linked);
    }

    private static Gen<BoundDraft[]> BoundsOf(DimensionInfo dimension, int tier, TierRank rank)
    {
        var count = rank == TierRank.User
            ? Gen.Frequency((14, 0), (1, 1))
            : Gen.Frequency((5, 0), (4, 1), (1, 2));
        return count.SelectMany(n => Sequence(Enumerable.Repeat(BoundOn(dimension, tier, rank), n).ToArray()));
    }

    // ------------------------------------------------------------------ the registry

    /// <summary>The tiers of a registry: immutable tiers, organisation tiers, the user tier.</summary>
    public static readonly Gen<ImmutableArray<TierInfo>> Tiers =
        from laws in Gen.Int[1, 3]
        from order in Gen.Int[0, Permutations.Length - 1]
        from orgs in Gen.Frequency((2, 0), (3, 1), (1, 2))
        from within in Gen.Int[1, 7].Array[2]
        select MakeTiers(laws, Permutations[order], orgs, within);

    private static ImmutableArray<TierInfo> MakeTiers(int laws, int[] order, int orgs, int[] within)
    {
        var tiers = ImmutableArray.CreateBuilder<TierInfo>();
        for (var i = 0; i < laws; i++)
        {
            var name = JurisdictionNames[order[i]];
            tiers.Add(new TierInfo(i, name, "Tests." + name + "Law", TierRank.Immutable, []));
        }

        for (var o = 0; o < orgs; o++)
        {
            // Within a non-empty subset of the laws.
            var subset = Enumerable.Range(0, laws).Where(l => ((within[o] >> l) & 1) != 0).ToArray();
            ImmutableArray<int> inside = subset.Length == 0 ? [0] : [.. subset];
            tiers.Add(new TierInfo(laws + o, "org" + o.ToString(CultureInfo.InvariantCulture), "Tests.Org" + o.ToString(CultureInfo.InvariantCulture), TierRank.Organisation, inside));
        }

        ImmutableArray<int> userWithin = orgs > 0 ? [.. Enumerable.Range(laws, orgs)] : [.. Enumerable.Range(0, laws)];
        tiers.Add(new TierInfo(laws + orgs, "Tests.Prefs", "Tests.Prefs", TierRank.User, userWithin));
        return tiers.ToImmutable();
    }

    /// <summary>The dimensions: one to eight, one of them possibly the hazard list.</summary>
    public static readonly Gen<ImmutableArray<DimensionInfo>> Dimensions =
        from count in Gen.Int[1, 8]
        from hazardAt in Gen.Frequency((2, -1), (1, 0))
        from hazardIndex in Gen.Int[0, count - 1]
        from dims in Sequence(Enumerable.Range(0, count).Select(i => Dimension(i, hazardAt >= 0 && i == hazardIndex)).ToArray())
        select dims.ToImmutableArray();

    private sealed record ClaimDraft(int Claimant, int Dimension, int Waived, Condition Condition, bool IsDelegated);

    /// <summary>A random, well-formed registry.</summary>
    public static readonly Gen<PolicyRegistry> Registry =
        from tiers in Tiers
        from dims in Dimensions
        from bounds in Sequence(
            tiers.SelectMany(t => dims.Select(d => BoundsOf(d, t.Index, t.Rank))).ToArray())
        let flat = bounds.SelectMany(x => x).ToArray()
        from claims in Sequence(flat.Select(b => ClaimFor(b, tiers)).ToArray())
        from stray in StrayClaim(tiers, dims).Array[0, 2]
        from defaults in Sequence(tiers.Where(t => t.Rank != TierRank.User).SelectMany(t => dims.Select(d => TierDefaultOf(t.Index, d))).ToArray())
        from custom in Gen.Frequency((3, false), (1, true))
        from forbids in Sequence(tiers.Where(t => t.Rank != TierRank.User).Select(t => ForbidsOf(t.Index, custom)).ToArray())
        from userRule in Gen.Frequency((3, true), (1, false))
        select Assemble(tiers, dims, flat, claims.Where(c => c is not null).Concat(stray).ToArray()!, defaults, custom, forbids, userRule);

    private static Gen<ClaimDraft?> ClaimFor(BoundDraft bound, ImmutableArray<TierInfo> tiers)
    {
        if (bound.WaivableBy is not TierRank rank)
        {
            return Gen.Const((ClaimDraft?)null);
        }

        var claimants = tiers.Where(t => t.Rank == rank && t.Index > bound.Tier).Select(t => t.Index).ToArray();
        if (claimants.Length == 0)
        {
            return Gen.Const((ClaimDraft?)null);
        }

        return from make in Gen.Frequency((2, true), (1, false))
               from claimant in Gen.OneOf(claimants)
               from condition in ClaimCondition
               from delegated in Gen.Frequency((4, true), (1, false))
               select make ? new ClaimDraft(claimant, bound.Dimension, bound.Tier, condition, delegated) : null;
    }

    /// <summary>A claim drawn without regard to what was delegated: often by the wrong rank, or on a bound that is not waivable.</summary>
    private static Gen<ClaimDraft> StrayClaim(ImmutableArray<TierInfo> tiers, ImmutableArray<DimensionInfo> dims) =>
        from claimant in Gen.Int[1, tiers.Length - 1]
        from waived in Gen.Int[0, tiers.Length - 1]
        from dimension in Gen.Int[0, dims.Length - 1]
        from condition in ClaimCondition
        from delegated in Gen.Bool
        where tiers[claimant].Rank != TierRank.Immutable && waived < claimant
        select new ClaimDraft(claimant, dimension, waived, condition, delegated);

    private static Gen<TierDefault?> TierDefaultOf(int tier, DimensionInfo dimension) =>
        from has in Gen.Frequency((4, false), (1, true))
        from value in InDomainValue(dimension)
        select has ? new TierDefault(tier, dimension.Index, value) : null;

    private static Gen<(Hazard Hazards, Condition Condition)[]> ForbidsOf(int tier, bool custom)
    {
        var hazards = from a in Gen.Int[0, 13]
                      from b in Gen.Int[0, 13]
                      from more in Gen.Frequency((2, false), (1, true))
                      from extra in Gen.Frequency((4, false), (1, true))
                      select (Hazard)((1UL << a) | (more ? 1UL << b : 0)) | (custom && extra ? Hazard.Custom1 : Hazard.None);
        var rule = Gen.Select(hazards, Condition, (h, c) => (h, c));
        return Gen.Frequency((2, 0), (3, 1), (1, 2)).SelectMany(n => rule.Array[n]);
    }

    private static PolicyRegistry Assemble(
        ImmutableArray<TierInfo> tiers, ImmutableArray<DimensionInfo> dims, BoundDraft[] drafts, ClaimDraft[] claims,
        TierDefault?[] defaults, bool custom, (Hazard Hazards, Condition Condition)[][] forbids, bool userRule)
    {
        var bounds = drafts
            .Select((b, i) => new BoundRule(i, b.Dimension, b.Tier, b.Form, b.Bound, b.Condition, b.WaivableBy, b.Source, b.Reason,
                b.Linked ? [Benefit.Wellbeing] : [], b.Linked ? [Risk.ManipulationOfTheVulnerable, Risk.PrivacyInfringement] : []))
            .ToImmutableArray();
        var waivers = claims
            .Select((c, i) => new WaiverClaim(i, c.Claimant, c.Dimension, c.Waived, c.Condition, c.IsDelegated))
            .ToImmutableArray();
        var forbidRules = ImmutableArray.CreateBuilder<ForbidRule>();
        for (var t = 0; t < forbids.Length; t++)
        {
            foreach (var (hazards, condition) in forbids[t])
            {
                forbidRules.Add(new ForbidRule(forbidRules.Count, t, hazards, condition, "tier " + t.ToString(CultureInfo.InvariantCulture) + " forbids it", null));
            }
        }

        var hazardDimension = dims.FirstOrDefault(d => d.IsHazardSet);
        if (hazardDimension is not null && userRule)
        {
            forbidRules.Add(new ForbidRule(forbidRules.Count, tiers.Length - 1, Taxonomy.Shipped, PolicyAsCode.Condition.Always, "the user asked to avoid it", hazardDimension.Index));
        }

        ImmutableArray<HazardInfo> customHazards = custom ? [new HazardInfo(Hazard.Custom1, "X1", "a project's own hazard")] : [];
        return new PolicyRegistry("Tests.Prefs", tiers, dims, bounds, forbidRules.ToImmutable(), waivers,
            [.. defaults.Where(d => d is not null).Select(d => d!)], customHazards);
    }

    // ------------------------------------------------------------------ contexts and requests

    /// <summary>A context for <paramref name="registry"/>: one of its jurisdictions (in any case), an unknown one, or none; random facts.</summary>
    public static Gen<PolicyContext> Context(PolicyRegistry registry) =>
        from jurisdiction in Jurisdiction(registry)
        from facts in Gen.UInt
        from known in Gen.Frequency((1, (IGen<uint>)Gen.Const(0u)), (1, Gen.Const((uint)ContextFacts)), (3, Gen.UInt))
        select new PolicyContext(jurisdiction, (Fact)facts & ContextFacts, (Fact)known & ContextFacts);

    /// <summary>A jurisdiction a context may name for <paramref name="registry"/>.</summary>
    public static Gen<string?> Jurisdiction(PolicyRegistry registry) => Gen.Frequency(
        (6, (IGen<string?>)Gen.Select(Gen.OneOf(registry.Jurisdictions.ToArray()), Gen.Bool, (j, lower) => (string?)(lower ? j.ToLowerInvariant() : j))),
        (1, Gen.OneOf<string?>("FR", "", "EU ", "Mars")),
        (1, Gen.Const((string?)null)));

    /// <summary>Requested values for every dimension of <paramref name="registry"/>; rarely too few or too many.</summary>
    public static Gen<DimensionValue[]> Requested(PolicyRegistry registry) =>
        from values in Sequence(registry.Dimensions.Select(RequestedValue).ToArray())
        from shape in Gen.Frequency((30, 0), (1, 1), (1, 2))
        select shape switch
        {
            1 => values[..(values.Length - 1)],
            2 => [.. values, DimensionValue.OfPosition(3)],
            _ => values,
        };

    /// <summary>A set of dimensions whose values could not be read: each one in ten, and rarely an index past the last.</summary>
    public static Gen<DimensionSet> Unreadable(PolicyRegistry registry) =>
        from flags in Gen.Frequency((9, false), (1, true)).Array[registry.Dimensions.Length + 1]
        select Enumerable.Range(0, flags.Length).Where(i => flags[i]).Aggregate(DimensionSet.Empty, (set, i) => set.With(i));

    /// <summary>A whole case.</summary>
    public static readonly Gen<PolicyCase> Case =
        from registry in Registry
        from context in Context(registry)
        from requested in Requested(registry)
        from unreadable in Unreadable(registry)
        select new PolicyCase(registry, context, requested, unreadable);

    /// <summary>Detected hazards: mostly known categories, sometimes a bit the policy cannot name.</summary>
    public static Gen<Hazard> Detected(PolicyRegistry registry) => Gen.Frequency(
        (2, (IGen<Hazard>)Gen.Const(Hazard.None)),
        (8, Gen.Int[0, 13].Array[1, 3].Select(bits => bits.Aggregate(Hazard.None, (h, b) => h | (Hazard)(1UL << b)))),
        (2, Gen.ULong.Select(bits => (Hazard)bits & registry.KnownHazards)),
        (1, Gen.Int[14, 63].Select(b => (Hazard)(1UL << b))));

    // ------------------------------------------------------------------ printing counterexamples

    /// <summary>A readable dump of a case, for counterexamples.</summary>
    public static string Describe(PolicyCase c)
    {
        var r = c.Registry;
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.Append("context: ").Append(c.Context.Jurisdiction ?? "<null>").Append(" facts=").Append(c.Context.Facts).Append(" known=").Append(c.Context.Known).AppendLine();
        foreach (var t in r.Tiers)
        {
            sb.Append("tier ").Append(t.Index).Append(": ").Append(t).Append(" within [").Append(string.Join(",", t.Within)).AppendLine("]");
        }

        foreach (var d in r.Dimensions)
        {
            var req = d.Index < c.Requested.Length ? c.Requested[d.Index] : d.Default;
            sb.Append("dim ").Append(d.Index).Append(' ').Append(d.Name).Append(' ').Append(d.Kind).Append(" domain=").Append(d.Domain)
                .Append(d.HigherIsStricter ? " higher-stricter" : string.Empty)
                .Append(" requested=").Append(req).Append(" (").Append(d.InDomain(req) ? d.Format(req) : "out of domain").Append(')')
                .Append(c.Unreadable.Contains(d.Index) ? " UNREADABLE" : string.Empty).AppendLine();
        }

        if (c.Requested.Length != r.Dimensions.Length)
        {
            sb.Append("requested length ").Append(c.Requested.Length).AppendLine();
        }

        foreach (var b in r.Bounds)
        {
            sb.Append("bound ").Append(b.Index).Append(": tier ").Append(b.Tier).Append(" dim ").Append(b.Dimension).Append(' ').Append(b.Source)
                .Append(" = ").Append(b.Bound).Append(' ').Append(b.Condition).Append(b.WaivableBy is null ? string.Empty : " waivable by " + b.WaivableBy).AppendLine();
        }

        foreach (var w in r.Waivers)
        {
            sb.Append("claim ").Append(w.Index).Append(": by tier ").Append(w.Claimant).Append(" of tier ").Append(w.Waived).Append(" on dim ").Append(w.Dimension)
                .Append(' ').Append(w.Condition).Append(w.IsDelegated ? " delegated" : " NOT delegated").AppendLine();
        }

        foreach (var f in r.Forbids)
        {
            sb.Append("forbid ").Append(f.Index).Append(": tier ").Append(f.Tier).Append(' ').Append(f.Hazards).Append(' ').Append(f.Condition)
                .Append(f.Dimension is int own ? " user list in dim " + own.ToString(CultureInfo.InvariantCulture) : string.Empty).AppendLine();
        }

        foreach (var d in r.Defaults)
        {
            sb.Append("default: tier ").Append(d.Tier).Append(" dim ").Append(d.Dimension).Append(" = ").Append(d.Value).AppendLine();
        }

        return sb.ToString();
    }
}
