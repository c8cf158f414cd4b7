using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Compiled;
using PolicyAsCode.Tests.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// The typed moves an overlaid snapshot's generated code calls for a value that is not within its dimension
/// (<see cref="NarrowedDimension.MoveNumber"/>, <see cref="NarrowedDimension.MoveMask"/>,
/// <see cref="NarrowedDimension.MovePosition"/>) grant and record exactly what the interpreter's own step
/// (<see cref="NarrowedDimension.Resolve"/>) does: for every kind, in every context of random policies (waivers and
/// contradictions included), for values in and out of the domain, asked or not.
/// </summary>
public sealed class NarrowedDimensionMoveProperties(ITestOutputHelper output)
{
    private static readonly Gen<(PolicyRegistry Registry, PolicyContext Context)> PolicyInContext =
        from registry in RandomPolicies.Registry
        from context in RandomPolicies.Context(registry)
        select (registry, context);

    [Fact]
    public void Each_typed_move_grants_and_records_what_the_interpreters_step_does()
    {
        long compared = 0, clamped = 0, stepped = 0;
        PolicyInContext.Sample(
            pair =>
            {
                var (registry, context) = pair;
                var jurisdiction = registry.MatchJurisdiction(context.Jurisdiction);
                foreach (var dimension in registry.Dimensions)
                {
                    var narrowed = new NarrowedDimension(dimension, Binding.Narrow(registry.Shape, dimension.Index, jurisdiction, context));
                    var values = Gen.Frequency((4, RandomPolicies.InDomainValue(dimension)), (1, RandomPolicies.OutOfDomainValue(dimension))).Array[24].Single();
                    foreach (var value in values.Where(v => !Lattice.Contains(narrowed.Within, v)))
                    {
                        foreach (var asked in new[] { true, false })
                        {
                            var expected = default(AdjustmentRecorder);
                            var byStep = narrowed.Resolve(value, asked, ref expected);
                            var actual = default(AdjustmentRecorder);
                            var byMove = Move(narrowed, dimension.Kind, value, asked, ref actual);
                            Assert.True(byStep.Equals(byMove), $"{dimension.Name} ({dimension.Kind}) in {context}: the step grants {byStep}, the typed move {byMove}, for {value} (asked: {asked})");
                            Assert.Equal(expected.ToAdjustedDimensions(), actual.ToAdjustedDimensions());
                            Interlocked.Increment(ref compared);
                            Interlocked.Increment(ref asked && expected.ToAdjustedDimensions().CauseOf(dimension.Index) == AdjustmentCause.Clamped ? ref clamped : ref stepped);
                        }
                    }
                }
            },
            iter: 3_000);
        output.WriteLine($"{compared} moves compared: {clamped} clamps, {stepped} others (fail-closed, waived, contradicted)");
        Assert.True(clamped > 10_000 && stepped > 10_000, $"{clamped} clamps and {stepped} other steps: too few of one to show the moves agree");
    }

    private static DimensionValue Move(in NarrowedDimension narrowed, DimensionKind kind, DimensionValue value, bool asked, ref AdjustmentRecorder adjusted) => kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => narrowed.MoveNumber(value, asked, ref adjusted),
        DimensionKind.Set => narrowed.MoveMask(value, asked, ref adjusted),
        _ => narrowed.MovePosition(value, asked, ref adjusted),
    };
}
