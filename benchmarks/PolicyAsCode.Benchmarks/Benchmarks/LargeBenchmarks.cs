using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.Large;
using PolicyAsCode.Benchmarks.Workload;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Resolving one request of the large policy (61 dimensions, 198 bounds, 3 jurisdictions, an organisation and the
/// user tier; see Large/generate_large_policy.py): the generated evaluator (the baseline; there is no hand-written
/// one of this size) and the reference interpreter.
/// </summary>
[MemoryDiagnoser]
public class LargeResolve
{
    private LargePreferences _request = null!;
    private PolicyContext _context;
    private DimensionValue[] _encoded = null!;
    private PolicyInterpreter _interpreter = null!;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_request, _context) = Scenarios.Large(Scenario);
        _encoded = LargePreferences.Encode(_request);
        _interpreter = new PolicyInterpreter(LargePreferences.Registry);
    }

    [Benchmark(Baseline = true)]
    public Resolution<LargePreferences> Generated() => LargePreferences.Resolve(_request, _context, default);

    [Benchmark]
    public Resolution<DimensionValue[]> Interpreter() => _interpreter.Resolve(_encoded, _context, default);
}

/// <summary>Deciding on one piece of content against a resolution of the large policy.</summary>
[MemoryDiagnoser]
public class LargeDecide
{
    private Resolution<LargePreferences> _generated;
    private Resolution<DimensionValue[]> _interpreted;
    private PolicyInterpreter _interpreter = null!;
    private Hazard _detected;

    [ParamsAllValues]
    public DecideScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (request, context) = Scenarios.Large(ResolveScenario.Unchanged);
        _interpreter = new PolicyInterpreter(LargePreferences.Registry);
        _generated = LargePreferences.Resolve(request, context);
        _interpreted = _interpreter.Resolve(LargePreferences.Encode(request), context);
        _detected = Scenarios.Detected(Scenario);
    }

    [Benchmark(Baseline = true)]
    public Decision Generated() => LargePreferences.Decide(_generated, _detected);

    [Benchmark]
    public Decision Interpreter() => _interpreter.Decide(_interpreted, _detected);
}
