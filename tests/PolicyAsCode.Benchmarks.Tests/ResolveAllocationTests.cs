using System;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Large;
using PolicyAsCode.Benchmarks.Ten;
using PolicyAsCode.Benchmarks.Wide;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Benchmarks.Tests;

/// <summary>
/// The resolve benchmarks' requests allocate what the goal says, counted exactly on this thread: nothing when nothing
/// moves, and exactly one object, the effective record, for one clamp and for many, on the QuickStart, the
/// 10-dimension and the large policy, generated and hand-written alike, and on a policy of 1,000 dimensions, compiled and
/// overlaid. The record's size is measured by copying the
/// request as the evaluator builds its effective record, not written down.
/// </summary>
public sealed class ResolveAllocationTests
{
    private const int Iterations = 2_000;

    [Theory]
    [InlineData(ResolveScenario.Unchanged)]
    [InlineData(ResolveScenario.OneClamp)]
    [InlineData(ResolveScenario.ManyClamps)]
    public void QuickStart_generated(ResolveScenario scenario)
    {
        var (request, context) = Scenarios.QuickStart(scenario);
        Expect(scenario, request, () => LearnerPreferences.Resolve(request, context, default));
    }

    [Theory]
    [InlineData(ResolveScenario.Unchanged)]
    [InlineData(ResolveScenario.OneClamp)]
    [InlineData(ResolveScenario.ManyClamps)]
    public void QuickStart_hand_written(ResolveScenario scenario)
    {
        var (request, context) = Scenarios.QuickStart(scenario);
        Expect(scenario, request, () => QuickStartHandWritten.Resolve(request, context, default));
    }

    [Theory]
    [InlineData(ResolveScenario.Unchanged)]
    [InlineData(ResolveScenario.OneClamp)]
    [InlineData(ResolveScenario.ManyClamps)]
    public void Ten_generated(ResolveScenario scenario) => Generated<TenPreferences>(scenario);

    [Theory]
    [InlineData(ResolveScenario.Unchanged)]
    [InlineData(ResolveScenario.OneClamp)]
    [InlineData(ResolveScenario.ManyClamps)]
    public void Large_generated(ResolveScenario scenario) => Generated<LargePreferences>(scenario);

    // The 1,000-dimension policy through both snapshots of an engine with an overlay in force: the generator splits its
    // steps into methods, and the overlaid snapshot writes its values into a pooled buffer (a new one per request was
    // 16 KB), so it too allocates nothing when nothing moves and the record alone for one clamp. (Many clamps, from the
    // 65th dimension on, also record what moved in a small array: docs/generated-code.md.)
    [Theory]
    [InlineData(ResolveScenario.Unchanged)]
    [InlineData(ResolveScenario.OneClamp)]
    public void Wide_compiled_and_overlaid(ResolveScenario scenario)
    {
        var engine = OverlayScenarios.WideEngine();
        var (request, context) = Scenarios.Generated<WidePreferences>(scenario);
        // Fewer iterations: 2,000 copies of a record of 1,000 fields are 9.7 MB, and a collection in the measured loop
        // once counted 16 bytes of its own there.
        Expect(scenario, request, () => engine.Compiled.Resolve(request, context), iterations: 100);
        Expect(scenario, request, () => engine.Current.Resolve(request, context), iterations: 100);
    }

    private static void Generated<T>(ResolveScenario scenario)
        where T : class, IUserTierPolicy<T>, new()
    {
        var (request, context) = Scenarios.Generated<T>(scenario);
        Expect(scenario, request, () => T.Resolve(request, context, default));
    }

    private static void Expect<T>(ResolveScenario scenario, T request, Func<Resolution<T>> resolve, int iterations = Iterations)
        where T : class
    {
        var resolution = resolve();
        var moved = resolution.AdjustedDimensions.Count;
        Assert.Equal(scenario == ResolveScenario.Unchanged, !resolution.IsAdjusted);
        Assert.True(scenario != ResolveScenario.OneClamp || moved == 1, $"{moved} moved, not one");
        Assert.True(scenario != ResolveScenario.ManyClamps || moved >= 5, $"only {moved} moved");

        // Each explained on demand, one per moved dimension.
        Assert.Equal(moved, resolution.Adjustments.Count);

        var bytes = Measure(() =>
        {
            for (var i = 0; i < iterations; i++)
            {
                if (resolve().AdjustedDimensions.Count != moved)
                {
                    throw new InvalidOperationException("a resolution changed between runs");
                }
            }
        });
        var record = Measure(() =>
        {
            for (var i = 0; i < iterations; i++)
            {
                GC.KeepAlive(Copy(request));
            }
        });

        Assert.True(record > 0 && record % iterations == 0, $"{record} bytes for {iterations} copies of the record");
        Assert.Equal(scenario == ResolveScenario.Unchanged ? 0 : record, bytes);
    }

    // The copy a record's `with` expression makes: its copy constructor, through the compiler's <Clone>$ method.
    private static object Copy<T>(T record)
        where T : class => CloneOf<T>.Clone(record);

    private static long Measure(Action loop)
    {
        // Warm up: JIT, tiering and static constructors allocate; the measured run must not.
        for (var i = 0; i < 3; i++)
        {
            loop();
        }

        // The least of three measured runs: the runtime's own work (a method reaching its next tier, a collection)
        // can land in one run and count a few bytes there, once; what every call allocates is in all three.
        var least = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    private static class CloneOf<T>
        where T : class
    {
        public static readonly Func<T, T> Clone = typeof(T).GetMethod("<Clone>$")!.CreateDelegate<Func<T, T>>();
    }
}
