using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// The policy's cost in a service, per request, on loopback: <c>GET /plain</c> (the baseline: the user's stored
/// preferences, no policy) against <c>GET /personalised</c> (the same through the policy) on a real Kestrel server in
/// this process, one client sending one request at a time over a kept-alive connection and reading each whole answer.
/// Each iteration is one request (<see cref="Latency"/>), so the median, P95 and P99 are request latencies, and
/// requests per second for the one client are 1 / mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Latency))]
public class ServiceCost
{
    private ServiceHost _host = null!;

    /// <summary>Whether the stored document has values the policy clamps.</summary>
    [ParamsAllValues]
    public ServiceScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = ServiceHost.StartAsync(Scenario).GetAwaiter().GetResult();
        ServiceCheck.AnswersAsync(_host, Scenario).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<int> Plain() => _host.GetAsync("/plain");

    [Benchmark]
    public Task<int> Personalised() => _host.GetAsync("/personalised");

    /// <summary>
    /// One request per iteration, timed as it comes: no forced collection between requests (a collection a request
    /// triggers is part of its latency), no outlier removal (the slow requests are the P99), no overhead subtraction.
    /// 3,000 warm-up requests let the JIT tier the server's and the client's code up; 5,000 are measured. This is the
    /// class's own job: the suite runs it instead of its measured job, and its quick job instead of this one.
    /// </summary>
    public sealed class Latency : ManualConfig
    {
        /// <summary>The job's id.</summary>
        public const string JobId = "PerRequest";

        /// <summary>How many requests are measured per benchmark.</summary>
        public const int Requests = 5_000;

        public Latency()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3_000)
                .WithIterationCount(Requests)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithGcForce(false)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithId(JobId));
            AddColumn(StatisticColumn.P95, new PercentileColumn(99), new MedianRatioColumn(), StatisticColumn.OperationsPerSecond);
        }
    }
}
