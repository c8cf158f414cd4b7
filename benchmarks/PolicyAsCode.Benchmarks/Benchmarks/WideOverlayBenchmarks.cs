using System;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.Wide;
using PolicyAsCode.Benchmarks.Workload;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Issue 17, goal 2 at scale: one request to a policy of 1,000 dimensions (Large/WidePolicy.cs) through a snapshot with
/// an overlay in force, against the compiled snapshot of the same engine (the baseline). Above 128 dimensions the
/// generator splits a resolution's steps into methods of 8 dimensions; in one method they were too large for the JIT to
/// optimise, and the overlaid resolve took 45 to 50 times the compiled one.
/// </summary>
[MemoryDiagnoser]
public class WideOverlaidResolve
{
    private PolicySnapshot<WidePreferences> _compiled = null!;
    private PolicySnapshot<WidePreferences> _overlaid = null!;
    private WidePreferences _request = null!;
    private PolicyContext _context;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = OverlayScenarios.WideEngine();
        (_compiled, _overlaid) = (engine.Compiled, engine.Current);
        (_request, _context) = Scenarios.Generated<WidePreferences>(Scenario);
        OverlayScenarios.ExpectSameMoves(Scenario, _compiled, _overlaid, _request, _context);
    }

    [Benchmark(Baseline = true)]
    public Resolution<WidePreferences> Compiled() => _compiled.Resolve(_request, _context);

    [Benchmark]
    public Resolution<WidePreferences> Overlaid() => _overlaid.Resolve(_request, _context);
}
