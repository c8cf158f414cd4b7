using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Draws a value of one dimension: mostly a defined one, biased toward the edges of the bounds on it (where clamping
/// is decided), and rarely one outside its domain (NaN, infinities, undefined members and flags), which must fail closed.
/// </summary>
internal sealed class ValueDraw
{
    private static readonly double[] OddIntegers = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, -2.5, 1e12, -1e12, -0.0];
    private static readonly double[] OddReals = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, -double.MaxValue, double.Epsilon];

    private readonly DimensionInfo _dimension;
    private readonly double[] _edges;
    private readonly ulong[] _maskEdges;
    private readonly DimensionValue[] _outside;

    public ValueDraw(DimensionInfo dimension, IReadOnlyList<BoundRule> rules)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(rules);
        _dimension = dimension;
        _edges = dimension.Kind is DimensionKind.Integer or DimensionKind.Real ? IntervalEdges(rules, dimension.Kind == DimensionKind.Integer) : [];
        _maskEdges = [.. rules.SelectMany(r => new[] { r.Bound.Floor, r.Bound.Ceiling }).Append(0UL).Append(dimension.Domain.Ceiling).Distinct()];
        var count = dimension.Members.Length;
        _outside = dimension.Kind == DimensionKind.Boolean
            ? [DimensionValue.OfPosition(2), DimensionInfo.OutsideMembers]
            : [DimensionInfo.OutsideMembers, DimensionValue.OfPosition(count), DimensionValue.OfPosition(63), DimensionValue.OfPosition(1000)];
    }

    /// <summary>One value.</summary>
    public DimensionValue Value(PCG pcg)
    {
        switch (_dimension.Kind)
        {
            case DimensionKind.Boolean:
                return pcg.Next(13) < 12 ? DimensionValue.OfPosition((int)pcg.Next(2)) : _outside[pcg.Next(2)];
            case DimensionKind.Ordinal:
            case DimensionKind.Choice:
                return pcg.Next(13) < 12 ? DimensionValue.OfPosition((int)pcg.Next((uint)_dimension.Members.Length)) : _outside[pcg.Next((uint)_outside.Length)];
            case DimensionKind.Integer:
                return DimensionValue.OfNumber(CaseDraw.Pick(pcg, [5, 4, 1, 1]) switch
                {
                    0 => _edges[pcg.Next((uint)_edges.Length)],
                    1 => -40 + (int)pcg.Next(441),
                    2 => (int)pcg.Next(),
                    _ => OddIntegers[pcg.Next((uint)OddIntegers.Length)],
                });
            case DimensionKind.Real:
                return DimensionValue.OfNumber(CaseDraw.Pick(pcg, [5, 4, 1, 1]) switch
                {
                    0 => _edges[pcg.Next((uint)_edges.Length)],
                    1 => -2 + (4 * (pcg.Next64() >> 11) * (1.0 / (1UL << 53))),
                    2 => FiniteDouble(pcg),
                    _ => OddReals[pcg.Next((uint)OddReals.Length)],
                });
            default:
            {
                var domain = _dimension.Domain.Ceiling;
                var bits = pcg.Next64();
                return DimensionValue.OfMask(CaseDraw.Pick(pcg, [6, 3, 1]) switch
                {
                    0 => bits & domain,
                    1 => _maskEdges[pcg.Next((uint)_maskEdges.Length)] ^ (bits & domain & (bits >> 13)),
                    _ => bits,
                });
            }
        }
    }

    // Any finite double, every exponent alike (as CsCheck's Gen.Double draws).
    private static double FiniteDouble(PCG pcg)
    {
        while (true)
        {
            var value = BitConverter.UInt64BitsToDouble(pcg.Next64());
            if (double.IsFinite(value))
            {
                return value;
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

        return [.. edges.Where(e => !integer || (e >= int.MinValue && e <= int.MaxValue)).Distinct()];
    }
}
