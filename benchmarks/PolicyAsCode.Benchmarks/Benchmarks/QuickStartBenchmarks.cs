using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Resolving one QuickStart request (9 dimensions, 16 bounds, 2 jurisdictions): the hand-written evaluator (the
/// baseline), the generated one, and the reference interpreter (given the request already encoded, which flatters it).
/// </summary>
[MemoryDiagnoser]
public class QuickStartResolve
{
    private LearnerPreferences _request = null!;
    private PolicyContext _context;
    private DimensionValue[] _encoded = null!;
    private PolicyInterpreter _interpreter = null!;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_request, _context) = Scenarios.QuickStart(Scenario);
        _encoded = LearnerPreferences.Encode(_request);
        _interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
    }

    [Benchmark(Baseline = true)]
    public Resolution<LearnerPreferences> HandWritten() => QuickStartHandWritten.Resolve(_request, _context, default);

    [Benchmark]
    public Resolution<LearnerPreferences> Generated() => LearnerPreferences.Resolve(_request, _context, default);

    [Benchmark]
    public Resolution<DimensionValue[]> Interpreter() => _interpreter.Resolve(_encoded, _context, default);
}

/// <summary>Deciding on one piece of content against a QuickStart resolution made beforehand.</summary>
[MemoryDiagnoser]
public class QuickStartDecide
{
    private Resolution<LearnerPreferences> _generated;
    private Resolution<LearnerPreferences> _handWritten;
    private Resolution<DimensionValue[]> _interpreted;
    private PolicyInterpreter _interpreter = null!;
    private Hazard _detected;

    [ParamsAllValues]
    public DecideScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (request, context) = Scenarios.QuickStart(ResolveScenario.Unchanged);
        _interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        _generated = LearnerPreferences.Resolve(request, context);
        _handWritten = QuickStartHandWritten.Resolve(request, context, default);
        _interpreted = _interpreter.Resolve(LearnerPreferences.Encode(request), context);
        _detected = Scenarios.Detected(Scenario);
    }

    [Benchmark(Baseline = true)]
    public Decision HandWritten() => QuickStartHandWritten.Decide(_handWritten, _detected);

    [Benchmark]
    public Decision Generated() => LearnerPreferences.Decide(_generated, _detected);

    [Benchmark]
    public Decision Interpreter() => _interpreter.Decide(_interpreted, _detected);
}
