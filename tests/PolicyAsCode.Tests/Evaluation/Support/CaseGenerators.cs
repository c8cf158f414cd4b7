using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// CsCheck generators of differential cases for any registry: contexts over its jurisdictions (in other cases,
/// unknown and null), requests mostly in the dimensions' domains and near their bounds, sometimes outside them
/// (NaN, infinities, undefined members, undefined flags), unreadable sets and hazard masks with unknown bits.
/// The draws are written against <see cref="PCG"/> directly (<see cref="CaseDraw"/>) rather than composed from
/// CsCheck's combinators: the differential suites draw millions of cases, and composition cost as much as checking.
/// </summary>
public static class CaseGenerators
{
    /// <summary>Cases for <paramref name="registry"/>.</summary>
    public static Gen<EvaluationCase> Cases(PolicyRegistry registry)
    {
        var draw = new CaseDraw(registry);
        return new DrawnGen<EvaluationCase>(draw.Case, c => Complexity(c));
    }

    /// <summary>A context: a jurisdiction of the policy (any case), an unknown one or none, and random known facts.</summary>
    public static Gen<PolicyContext> Context(PolicyRegistry registry)
    {
        var draw = new CaseDraw(registry);
        return new DrawnGen<PolicyContext>(draw.Context, c => (ulong)System.Numerics.BitOperations.PopCount((ulong)c.Facts | (ulong)c.Known));
    }

    /// <summary>A value of one dimension, biased toward its bounds' edges and, rarely, outside its domain.</summary>
    public static Gen<DimensionValue> Value(DimensionInfo dimension, IReadOnlyList<BoundRule> rules)
    {
        var draw = new ValueDraw(dimension, rules);
        return new DrawnGen<DimensionValue>(draw.Value, v => (ulong)Math.Abs(v.Number) + (ulong)System.Numerics.BitOperations.PopCount(v.Bits));
    }

    // What CsCheck shrinks towards when a property fails: fewer facts, shorter requests, fewer unreadable values and hazards.
    private static ulong Complexity(EvaluationCase c) =>
        (ulong)System.Numerics.BitOperations.PopCount((ulong)c.Context.Facts | (ulong)c.Context.Known)
        + (ulong)(c.Requested?.Length ?? 0) + (ulong)c.Unreadable.Length + (ulong)c.Detected.Sum(h => System.Numerics.BitOperations.PopCount((ulong)h));
}

/// <summary>A CsCheck generator from a plain draw and a measure of how complex a drawn value is.</summary>
internal sealed class DrawnGen<T>(Func<PCG, T> draw, Func<T, ulong> complexity) : Gen<T>
{
    public override T Generate(PCG pcg, Size? min, out Size size)
    {
        var value = draw(pcg);
        size = new Size(complexity(value));
        return value;
    }
}
