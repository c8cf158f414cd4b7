using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// <see cref="ServiceCost"/> and <see cref="ServiceCostConcurrent"/> with the two endpoints interleaved, request by
/// request (and batch by batch), on one server and one client. BenchmarkDotNet measures one benchmark after the other,
/// so on a shared machine a change of load between the baseline and the policy lands in the ratio; here both see the
/// same load. The order alternates each round (plain first, then personalised first) so neither always follows the other.
/// </summary>
public static class InterleavedRun
{
    /// <summary>The latencies of one endpoint: one per request, or one per batch of concurrent requests.</summary>
    public sealed record Samples(string Endpoint, double[] Microseconds, int RequestsPerSample)
    {
        /// <summary>The <paramref name="percentile"/>th percentile (nearest rank), in µs.</summary>
        public double Percentile(double percentile)
        {
            var sorted = Microseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        /// <summary>Requests per second: requests over the total time they took.</summary>
        public double RequestsPerSecond => RequestsPerSample * Microseconds.Length / Microseconds.Sum() * 1e6;
    }

    /// <summary>Interleaves <paramref name="rounds"/> sequential requests and then <paramref name="batches"/> batches of <paramref name="concurrency"/> per endpoint, after as many of each to warm up.</summary>
    public static async Task<(Samples Plain, Samples Personalised, Samples PlainBatches, Samples PersonalisedBatches)> MeasureAsync(
        ServiceScenario scenario, int rounds, int batches, int concurrency)
    {
        await using var host = await ServiceHost.StartAsync(scenario);
        await ServiceCheck.AnswersAsync(host, scenario);
        await Alternate(rounds, path => host.GetAsync(path));
        var (plain, personalised) = await Alternate(rounds, path => host.GetAsync(path));
        await Alternate(batches, path => host.GetConcurrentlyAsync(path, concurrency));
        var (plainBatches, personalisedBatches) = await Alternate(batches, path => host.GetConcurrentlyAsync(path, concurrency));
        return (new("plain", plain, 1), new("personalised", personalised, 1),
            new("plain", plainBatches, concurrency), new("personalised", personalisedBatches, concurrency));
    }

    /// <summary>Runs both scenarios and writes the figures as Markdown tables, with the load average before and after.</summary>
    public static async Task<int> RunAsync(TextWriter output, int rounds, int batches, int concurrency)
    {
        output.WriteLine($"Interleaved service cost: {rounds} requests per endpoint one at a time, then {batches} batches of {concurrency} concurrent; as many again to warm up.");
        output.WriteLine($"Started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage()}");
        var sequential = new List<string>();
        var concurrent = new List<string>();
        foreach (var scenario in Enum.GetValues<ServiceScenario>())
        {
            var (plain, personalised, plainBatches, personalisedBatches) = await MeasureAsync(scenario, rounds, batches, concurrency);
            foreach (var samples in new[] { plain, personalised })
            {
                sequential.Add(FormattableString.Invariant(
                    $"| {scenario} | {samples.Endpoint} | {samples.Percentile(50):F1} µs | {samples.Percentile(95):F1} µs | {samples.Percentile(99):F1} µs | {samples.Microseconds.Average():F1} µs | {samples.RequestsPerSecond:N0} | {samples.Percentile(50) / plain.Percentile(50):F3} | {samples.Percentile(99) / plain.Percentile(99):F3} |"));
            }

            foreach (var samples in new[] { plainBatches, personalisedBatches })
            {
                concurrent.Add(FormattableString.Invariant(
                    $"| {scenario} | {samples.Endpoint} | {samples.Percentile(50):F1} µs | {samples.RequestsPerSecond:N0} | {samples.RequestsPerSecond / plainBatches.RequestsPerSecond:F3} |"));
            }
        }

        output.WriteLine();
        output.WriteLine("| scenario | endpoint | p50 | p95 | p99 | mean | requests/s | p50 ratio | p99 ratio |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        sequential.ForEach(output.WriteLine);
        output.WriteLine();
        output.WriteLine($"| scenario | endpoint | median batch of {concurrency} | requests/s | throughput ratio |");
        output.WriteLine("|---|---|---:|---:|---:|");
        concurrent.ForEach(output.WriteLine);
        output.WriteLine();
        output.WriteLine($"Finished {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage()}");
        return 0;
    }

    // Round i sends plain then personalised when i is even, the other way round when odd; each is timed on its own.
    private static async Task<(double[] Plain, double[] Personalised)> Alternate(int rounds, Func<string, Task<int>> send)
    {
        var plain = new double[rounds];
        var personalised = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                plain[i] = await Time(send, "/plain");
                personalised[i] = await Time(send, "/personalised");
            }
            else
            {
                personalised[i] = await Time(send, "/personalised");
                plain[i] = await Time(send, "/plain");
            }
        }

        return (plain, personalised);
    }

    private static async Task<double> Time(Func<string, Task<int>> send, string path)
    {
        var start = Stopwatch.GetTimestamp();
        await send(path);
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
