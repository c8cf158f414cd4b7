using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// Throughput of the two endpoints of <see cref="ServiceCost"/>: each invocation sends <see cref="Concurrency"/> requests
/// at once (one kept-alive connection each) and waits for every answer, so the time per operation is the inverse of
/// requests per second with that many in flight, client and server sharing the machine's cores.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class ServiceCostConcurrent
{
    /// <summary>Requests in flight per invocation.</summary>
    public const int Concurrency = 16;

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

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task<int> Plain() => _host.GetConcurrentlyAsync("/plain", Concurrency);

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task<int> Personalised() => _host.GetConcurrentlyAsync("/personalised", Concurrency);

    /// <summary>Requests per second and the ratio of medians, beside the suite's columns.</summary>
    public sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new MedianRatioColumn(), StatisticColumn.OperationsPerSecond);
    }
}
