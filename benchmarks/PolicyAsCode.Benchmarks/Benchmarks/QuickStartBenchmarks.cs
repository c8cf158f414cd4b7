using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Resolving one QuickStart request (9 dimensions, 18 bounds, 6 tiers, 4 jurisdictions: EU and DE within it, US and
/// US-CA within it): the hand-written evaluator (the baseline), the generated one, and the reference interpreter (given
/// the request already encoded, which flatters it). The scenarios are requests in the EU, as they were before the
/// national laws; the agreement check covers the other jurisdictions.
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

/// <summary>
/// Whether one piece of content may be shown, asked per request of the same scenarios as <see cref="QuickStartResolve"/>:
/// by resolving and then deciding (the baseline), and by the generated gate, which answers the same question without
/// building the resolution (<c>Admits</c>: docs/generated-code.md, "The gate").
/// </summary>
[MemoryDiagnoser]
public class QuickStartAdmit
{
    private LearnerPreferences _request = null!;
    private PolicyContext _context;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup() => (_request, _context) = Scenarios.QuickStart(Scenario);

    [Benchmark(Baseline = true)]
    public bool ResolveThenDecide() => LearnerPreferences.Decide(LearnerPreferences.Resolve(_request, _context), Hazard.ViolentCrimes).IsAllowed;

    [Benchmark]
    public bool Gate() => LearnerPreferences.Admits(_request, _context, Hazard.ViolentCrimes);
}

/// <summary>
/// Deciding on one piece of content against a resolution made beforehand, over 1,024 different users and pieces of
/// content per invocation (all allowed, or all refused for one reason or another); times are per decision.
/// </summary>
[MemoryDiagnoser]
public class QuickStartDecide
{
    private Resolution<LearnerPreferences>[] _generated = null!;
    private Resolution<LearnerPreferences>[] _handWritten = null!;
    private Resolution<DimensionValue[]>[] _interpreted = null!;
    private Hazard[] _detected = null!;
    private PolicyInterpreter _interpreter = null!;

    [ParamsAllValues]
    public DecideScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var decisions = Scenarios.Decisions<LearnerPreferences>(Scenario, seed: 42);
        _interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        _generated = [.. decisions.Select(d => LearnerPreferences.Resolve(d.Request, d.Context))];
        _handWritten = [.. decisions.Select(d => QuickStartHandWritten.Resolve(d.Request, d.Context, default))];
        _interpreted = [.. decisions.Select(d => _interpreter.Resolve(LearnerPreferences.Encode(d.Request), d.Context))];
        _detected = [.. decisions.Select(d => d.Detected)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int HandWritten()
    {
        var sum = 0;
        var resolutions = _handWritten;
        var detected = _detected;
        for (var i = 0; i < resolutions.Length; i++)
        {
            sum += Scenarios.Use(QuickStartHandWritten.Decide(resolutions[i], detected[i]));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int Generated()
    {
        var sum = 0;
        var resolutions = _generated;
        var detected = _detected;
        for (var i = 0; i < resolutions.Length; i++)
        {
            sum += Scenarios.Use(LearnerPreferences.Decide(resolutions[i], detected[i]));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int Interpreter()
    {
        var sum = 0;
        var resolutions = _interpreted;
        var detected = _detected;
        for (var i = 0; i < resolutions.Length; i++)
        {
            sum += Scenarios.Use(_interpreter.Decide(resolutions[i], detected[i]));
        }

        return sum;
    }
}
