using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Compiled;
using PolicyAsCode.Tests.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// The move an overlaid snapshot's generated code calls for a value that is not within its dimension
/// (<see cref="NarrowedDimension.MovePosition"/>, <see cref="NarrowedDimension.MoveNumber"/> or
/// <see cref="NarrowedDimension.MoveMask"/> by its kind, told whether the value is readable, and clamping inline where
/// it can) grants and records exactly what the
/// interpreter's own step (<see cref="NarrowedDimension.Resolve"/>) does: for every kind, in every context of random
/// policies (waivers and contradictions included), for values in and out of the domain, asked or not.
/// </summary>
public sealed class NarrowedDimensionMoveProperties(ITestOutputHelper output)
{
    // A policy, a context in it, and two dozen values per dimension, a fifth of them outside its domain: all drawn by
    // the generator, so a failing case is reported with its seed and shrunk.
    private static readonly Gen<(PolicyRegistry Registry, PolicyContext Context, DimensionValue[][] Values)> Cases =
        from registry in RandomPolicies.Registry
        from context in RandomPolicies.Context(registry)
        from values in RandomPolicies.Sequence([.. registry.Dimensions.Select(d =>
            Gen.Frequency((4, RandomPolicies.InDomainValue(d)), (1, RandomPolicies.OutOfDomainValue(d))).Array[24])])
        select (registry, context, values);

    [Fact]
    public void The_move_grants_and_records_what_the_interpreters_step_does()
    {
        long compared = 0, clamped = 0, stepped = 0;
        Cases.Sample(
            c =>
            {
                var jurisdiction = c.Registry.MatchJurisdiction(c.Context.Jurisdiction);
                foreach (var dimension in c.Registry.Dimensions)
                {
                    var narrowed = new NarrowedDimension(dimension, Binding.Narrow(c.Registry.Shape, dimension.Index, jurisdiction, c.Context));
                    foreach (var value in c.Values[dimension.Index].Where(v => !Lattice.Contains(narrowed.Within, v)))
                    {
                        foreach (var asked in new[] { true, false })
                        {
                            var expected = default(AdjustmentRecorder);
                            var byStep = narrowed.Resolve(value, asked, ref expected);
                            var actual = default(AdjustmentRecorder);
                            var readable = asked && dimension.InDomain(value);
                            var byMove = dimension.Kind switch
                            {
                                DimensionKind.Integer or DimensionKind.Real => narrowed.MoveNumber(value, readable, ref actual),
                                DimensionKind.Set => narrowed.MoveMask(value, readable, ref actual),
                                _ => narrowed.MovePosition(value, readable, ref actual),
                            };
                            Assert.True(byStep.Equals(byMove), $"{dimension.Name} ({dimension.Kind}) in {c.Context}: the step grants {byStep}, the move {byMove}, for {value} (asked: {asked})");
                            Assert.Equal(expected.ToAdjustedDimensions(), actual.ToAdjustedDimensions());
                            Interlocked.Increment(ref compared);
                            Interlocked.Increment(ref asked && expected.ToAdjustedDimensions().CauseOf(dimension.Index) == AdjustmentCause.Clamped ? ref clamped : ref stepped);
                        }
                    }
                }
            },
            iter: 3_000);
        output.WriteLine($"{compared} moves compared: {clamped} clamps, {stepped} others (fail-closed, waived, contradicted)");
        Assert.True(clamped > 10_000 && stepped > 10_000, $"{clamped} clamps and {stepped} other steps: too few of one to show the move agrees");
    }
}
