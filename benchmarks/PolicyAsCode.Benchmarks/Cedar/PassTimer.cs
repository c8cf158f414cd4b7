using System;
using System.Diagnostics;
using System.Runtime;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// Times passes over every request, chunk by chunk, so that a figure is stable on a shared machine: each round starts
/// from a collected heap inside a no-GC region sized to what a pass allocates, the JIT must have stopped compiling
/// (tiered compilation and dynamic PGO have reached their final code) before the first timed round, and each chunk's
/// time is the median over rounds, so a round that the scheduler interrupts moves one chunk's sample, not the figure.
/// </summary>
public static class PassTimer
{
    /// <summary>Warm-up lasts at least this long, and until no method has been compiled for <see cref="Settled"/>.</summary>
    public static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(2);

    /// <summary>How long the JIT must have compiled nothing before timing starts.</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(1);

    /// <summary>Warm-up stops here even if the JIT is still compiling (reported, never hidden).</summary>
    public static readonly TimeSpan MaximumWarmUp = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Times <paramref name="pass"/> over <paramref name="count"/> requests: <paramref name="rounds"/> rounds, each a
    /// pass over every request in chunks of <paramref name="chunk"/>. <paramref name="pass"/> returns how many of the
    /// requests from its first (inclusive) to its second (exclusive) argument are allowed; every round must allow
    /// <paramref name="allowed"/>, or the evaluator's decisions changed while it was timed.
    /// </summary>
    public static PassTiming Time(Func<int, int, int> pass, int count, int rounds, int chunk, int allowed)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var chunks = (count + chunk - 1) / chunk;

        // What one pass allocates (measured before tier-up: the unoptimised code allocates at least as much).
        var before = GC.GetAllocatedBytesForCurrentThread();
        Check(pass(0, count), allowed);
        var bytesPerPass = GC.GetAllocatedBytesForCurrentThread() - before;
        var noGcBudget = (2 * bytesPerPass) + (1L << 20);

        var scratch = new long[chunks];
        var warmUp = Stopwatch.StartNew();
        var warmUpPasses = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = warmUp.Elapsed;
        while (warmUp.Elapsed < MinimumWarmUp || warmUp.Elapsed - quietSince < Settled)
        {
            if (warmUp.Elapsed >= MaximumWarmUp)
            {
                break;
            }

            Round(pass, count, chunk, allowed, noGcBudget, scratch);
            warmUpPasses++;
            if (JitInfo.GetCompiledMethodCount() != compiled)
            {
                compiled = JitInfo.GetCompiledMethodCount();
                quietSince = warmUp.Elapsed;
            }
        }

        var ticks = new long[rounds][];
        var outcome = default(RoundOutcome);
        for (var r = 0; r < rounds; r++)
        {
            ticks[r] = new long[chunks];
            outcome += Round(pass, count, chunk, allowed, noGcBudget, ticks[r]);
        }

        return PassTiming.From(ticks, count, warmUpPasses, warmUp.Elapsed.TotalSeconds, bytesPerPass, outcome);
    }

    // One pass, chunk by chunk, from a collected heap and (if the runtime grants it) without a collection.
    private static RoundOutcome Round(Func<int, int, int> pass, int count, int chunk, int allowed, long noGcBudget, long[] ticks)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var noGc = GC.TryStartNoGCRegion(noGcBudget);
        var collections = GC.CollectionCount(0);
        var compiled = JitInfo.GetCompiledMethodCount();
        var total = 0;
        for (var c = 0; c < ticks.Length; c++)
        {
            var from = c * chunk;
            var start = Stopwatch.GetTimestamp();
            total += pass(from, Math.Min(count, from + chunk));
            ticks[c] = Stopwatch.GetTimestamp() - start;
        }

        var outcome = new RoundOutcome(
            GC.CollectionCount(0) - collections,
            JitInfo.GetCompiledMethodCount() - compiled,
            noGc ? 0 : 1);
        if (noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }

        Check(total, allowed);
        return outcome;
    }

    private static void Check(int total, int allowed)
    {
        if (total != allowed)
        {
            throw new InvalidOperationException($"a timed pass allowed {total} requests, not {allowed}: the decisions changed");
        }
    }
}
