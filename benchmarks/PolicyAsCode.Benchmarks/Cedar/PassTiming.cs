using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// Nanoseconds per request of one pass over every request. <see cref="Median"/>, <see cref="Q1"/> and <see cref="Q3"/>
/// add up each chunk's median, first and third quartile over the rounds (bench.mjs does the same for Cedar, chunk by
/// request); <see cref="RoundMin"/>, <see cref="RoundMedian"/> and <see cref="RoundMax"/> are whole rounds, everything
/// the machine did during them included.
/// </summary>
/// <param name="Median">The sum of the chunks' medians, per request.</param>
/// <param name="Q1">The sum of the chunks' first quartiles, per request.</param>
/// <param name="Q3">The sum of the chunks' third quartiles, per request.</param>
/// <param name="RoundMin">The fastest whole round, per request.</param>
/// <param name="RoundMedian">The median whole round, per request.</param>
/// <param name="RoundMax">The slowest whole round, per request.</param>
/// <param name="Rounds">Timed rounds.</param>
/// <param name="WarmUpPasses">Untimed rounds before them.</param>
/// <param name="WarmUpSeconds">How long the warm-up took.</param>
/// <param name="BytesPerRequest">Bytes one pass allocates, per request.</param>
/// <param name="Outcome">Collections, compilations and refused no-GC regions during the timed rounds.</param>
public sealed record PassTiming(
    double Median, double Q1, double Q3, double RoundMin, double RoundMedian, double RoundMax,
    int Rounds, int WarmUpPasses, double WarmUpSeconds, double BytesPerRequest, RoundOutcome Outcome)
{
    /// <summary>The figures from <paramref name="ticks"/>: per round, per chunk, <see cref="Stopwatch"/> ticks.</summary>
    public static PassTiming From(long[][] ticks, int requests, int warmUpPasses, double warmUpSeconds, long bytesPerPass, RoundOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var perRequest = 1e9 / Stopwatch.Frequency / requests;
        var chunks = ticks[0].Length;
        double median = 0, q1 = 0, q3 = 0;
        for (var c = 0; c < chunks; c++)
        {
            var column = ticks.Select(round => (double)round[c]).Order().ToArray();
            median += Quantile(column, 0.5);
            q1 += Quantile(column, 0.25);
            q3 += Quantile(column, 0.75);
        }

        var rounds = ticks.Select(round => (double)round.Sum()).Order().ToArray();
        return new PassTiming(
            median * perRequest, q1 * perRequest, q3 * perRequest,
            rounds[0] * perRequest, Quantile(rounds, 0.5) * perRequest, rounds[^1] * perRequest,
            ticks.Length, warmUpPasses, warmUpSeconds, (double)bytesPerPass / requests, outcome);
    }

    /// <summary>The figures as JSON, for run.sh.</summary>
    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"median\":{Median:F3},\"q1\":{Q1:F3},\"q3\":{Q3:F3},\"roundMin\":{RoundMin:F3},\"roundMedian\":{RoundMedian:F3},\"roundMax\":{RoundMax:F3},\"rounds\":{Rounds},\"warmUpPasses\":{WarmUpPasses},\"warmUpSeconds\":{WarmUpSeconds:F2},\"bytesPerRequest\":{BytesPerRequest:F1},\"collections\":{Outcome.Collections},\"compilations\":{Outcome.Compilations},\"withoutNoGcRegion\":{Outcome.WithoutNoGcRegion}}}");

    /// <summary>The figures for a reader.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"median {Median:F1} ns per request (quartiles {Q1:F1}..{Q3:F1}; whole rounds {RoundMin:F1} / {RoundMedian:F1} / {RoundMax:F1} min / median / max), {Rounds} rounds after {WarmUpPasses} warm-up rounds ({WarmUpSeconds:F1} s), {BytesPerRequest:F1} B allocated per request, during the timed rounds {Outcome.Collections} collections, {Outcome.Compilations} methods compiled, {Outcome.WithoutNoGcRegion} rounds without a no-GC region");

    // Linear interpolation between the two nearest ranks of a sorted sample.
    private static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
