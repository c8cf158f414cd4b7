using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// CsCheck generators of differential cases for any registry: contexts over its jurisdictions (in other cases,
/// unknown and null), requests mostly in the dimensions' domains and near their bounds, sometimes outside them
/// (NaN, infinities, undefined members, undefined flags), unreadable sets and hazard masks with unknown bits.
/// </summary>
public static class CaseGenerators
{
    private const Fact Minor = Fact.Minor;
    private const Fact Consents = Fact.ConsentsToMemory;
    private const Fact RolePlay = Fact.RolePlay;

    /// <summary>Cases for <paramref name="registry"/>.</summary>
    public static Gen<EvaluationCase> Cases(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Gen.Select(Context(registry), Request(registry), Unreadable(registry), Hazards(registry).Array[1, 4], (context, requested, unreadable, detected) =>
            new EvaluationCase(context, requested, unreadable, detected));
    }

    /// <summary>A context: a jurisdiction of the policy (any case), an unknown one or none, and random known facts.</summary>
    public static Gen<PolicyContext> Context(PolicyRegistry registry)
    {
        var jurisdictions = new List<string?> { null, "unknown", string.Empty };
        foreach (var jurisdiction in registry.Jurisdictions)
        {
            jurisdictions.Add(jurisdiction);
            jurisdictions.Add(jurisdiction.ToLowerInvariant());
            jurisdictions.Add(jurisdiction.ToUpperInvariant());
        }

        var facts = Gen.Frequency<Fact>(
            (12, Gen.OneOf(Fact.None, Minor, Consents, RolePlay, Minor | Consents, Minor | RolePlay, Consents | RolePlay, Minor | Consents | RolePlay)),
            (1, Gen.UInt.Select(u => (Fact)(u & 0x3003F))));
        return Gen.Select(Gen.OneOf(jurisdictions.ToArray()), facts, facts, (jurisdiction, holding, known) => new PolicyContext(jurisdiction, holding, known));
    }

    /// <summary>An encoded request: usually one value per dimension, sometimes none at all, too few or too many.</summary>
    public static Gen<DimensionValue[]?> Request(PolicyRegistry registry)
    {
        Gen<DimensionValue[]> values = Gen.Const(Array.Empty<DimensionValue>());
        foreach (var dimension in registry.Dimensions)
        {
            var rules = registry.Bounds.Where(b => b.Dimension == dimension.Index).ToList();
            values = Gen.Select(values, Value(dimension, rules), (list, value) => (DimensionValue[])[.. list, value]);
        }

        return Gen.Frequency<DimensionValue[]?>(
            (40, values.Select(v => (DimensionValue[]?)v)),
            (1, Gen.Const((DimensionValue[]?)null)),
            (1, Gen.Select(values, Gen.Int[0, Math.Max(0, registry.Dimensions.Length - 1)], (v, n) => (DimensionValue[]?)v[..n])),
            (1, values.Select(v => (DimensionValue[]?)[.. v, DimensionValue.OfNumber(double.NaN), DimensionValue.OfPosition(7)])));
    }

    /// <summary>Dimensions whose value could not be read: usually none.</summary>
    public static Gen<int[]> Unreadable(PolicyRegistry registry)
    {
        var count = registry.Dimensions.Length;
        var some = Gen.Int[0, count + 1].Array[1, 3].Select(a => a.Distinct().ToArray());
        return Gen.Frequency<int[]>((8, Gen.Const(Array.Empty<int>())), (2, some), (1, Gen.OneOf(new[] { 64, 65, 130 }).Select(i => new[] { i })));
    }

    /// <summary>Detected hazards: none, the policy's forbidden hazards, shipped ones, custom ones and bits no one knows.</summary>
    public static Gen<Hazard> Hazards(PolicyRegistry registry)
    {
        var named = registry.Forbids.Select(f => f.Hazards).Concat(registry.CustomHazards.Select(c => c.Hazard)).Where(h => h != Hazard.None).ToArray();
        var known = (ulong)registry.KnownHazards;
        var single = Gen.Int[0, 63].Select(bit => (Hazard)(1UL << bit));
        var gens = new List<(int, IGen<Hazard>)>
        {
            (2, Gen.Const(Hazard.None)),
            (3, Gen.ULong.Select(bits => (Hazard)(bits & (ulong)Taxonomy.Shipped & (bits >> 17)))),
            (2, Gen.ULong.Select(bits => (Hazard)(bits & known))),
            (1, Gen.ULong.Select(bits => (Hazard)bits)),
            (2, single),
            (1, Gen.OneOf(Hazard.Custom1, Hazard.Custom3, Hazard.Custom8, (Hazard)(1UL << 20), (Hazard)(1UL << 63))),
        };
        if (named.Length > 0)
        {
            gens.Add((4, Gen.Select(Gen.OneOf(named), Gen.ULong, (h, bits) => (Hazard)((ulong)h & (bits | (bits >> 32) | 1UL << (int)(bits % 64))))));
            gens.Add((2, Gen.Select(Gen.OneOf(named), single, (h, extra) => h | extra)));
        }

        return Gen.Frequency(gens.ToArray());
    }

    /// <summary>A value of one dimension, biased toward its bounds' edges and, rarely, outside its domain.</summary>
    public static Gen<DimensionValue> Value(DimensionInfo dimension, IReadOnlyList<BoundRule> rules)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(rules);
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                return Gen.Frequency<DimensionValue>(
                    (12, Gen.Int[0, 1].Select(DimensionValue.OfPosition)),
                    (1, Gen.OneOf(DimensionValue.OfPosition(2), DimensionInfo.OutsideMembers)));
            case DimensionKind.Ordinal:
            case DimensionKind.Choice:
            {
                var count = dimension.Members.Length;
                return Gen.Frequency<DimensionValue>(
                    (12, Gen.Int[0, count - 1].Select(DimensionValue.OfPosition)),
                    (1, Gen.OneOf(DimensionInfo.OutsideMembers, DimensionValue.OfPosition(count), DimensionValue.OfPosition(63), DimensionValue.OfPosition(1000))));
            }

            case DimensionKind.Integer:
            {
                var edges = IntervalEdges(rules, integer: true);
                return Gen.Frequency<DimensionValue>(
                    (5, Gen.OneOf(edges).Select(DimensionValue.OfNumber)),
                    (4, Gen.Int[-40, 400].Select(i => DimensionValue.OfNumber(i))),
                    (1, Gen.Int.Select(i => DimensionValue.OfNumber(i))),
                    (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, -2.5, 1e12, -1e12, -0.0).Select(DimensionValue.OfNumber)));
            }

            case DimensionKind.Real:
            {
                var edges = IntervalEdges(rules, integer: false);
                return Gen.Frequency<DimensionValue>(
                    (5, Gen.OneOf(edges).Select(DimensionValue.OfNumber)),
                    (4, Gen.Double[-2, 2].Select(DimensionValue.OfNumber)),
                    (1, Gen.Double.Select(DimensionValue.OfNumber)),
                    (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, -double.MaxValue, double.Epsilon).Select(DimensionValue.OfNumber)));
            }

            default:
            {
                var domain = dimension.Domain.Ceiling;
                var edges = rules.SelectMany(r => new[] { r.Bound.Floor, r.Bound.Ceiling }).Append(0UL).Append(domain).Distinct().ToArray();
                return Gen.Frequency<DimensionValue>(
                    (6, Gen.ULong.Select(bits => DimensionValue.OfMask(bits & domain))),
                    (3, Gen.Select(Gen.OneOf(edges), Gen.ULong, (edge, bits) => DimensionValue.OfMask(edge ^ (bits & domain & (bits >> 13))))),
                    (1, Gen.ULong.Select(DimensionValue.OfMask)));
            }
        }
    }

    private static double[] IntervalEdges(IReadOnlyList<BoundRule> rules, bool integer)
    {
        var edges = new List<double> { 0, 1, -1 };
        foreach (var rule in rules)
        {
            foreach (var edge in new[] { rule.Bound.Lo, rule.Bound.Hi })
            {
                edges.Add(edge);
                if (integer)
                {
                    edges.Add(Math.Max(int.MinValue, edge - 1));
                    edges.Add(Math.Min(int.MaxValue, edge + 1));
                }
                else
                {
                    edges.Add(Math.BitDecrement(edge));
                    edges.Add(Math.BitIncrement(edge));
                }
            }
        }

        return edges.Where(e => !integer || (e >= int.MinValue && e <= int.MaxValue)).Distinct().ToArray();
    }
}
