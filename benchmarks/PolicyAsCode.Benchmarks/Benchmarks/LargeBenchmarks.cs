using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.Large;
using PolicyAsCode.Benchmarks.Workload;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Resolving one request of a policy written by Large/generate_large_policy.py (three laws EU, US and UK, an
/// organisation and the user tier, with conditional bounds and a user waiver): the generated evaluator (the
/// baseline; there is no hand-written one of these) and the reference interpreter, given the request encoded.
/// </summary>
[MemoryDiagnoser]
public abstract class GeneratedResolve<T>
    where T : class, IUserTierPolicy<T>, new()
{
    private T _request = null!;
    private PolicyContext _context;
    private DimensionValue[] _encoded = null!;
    private PolicyInterpreter _interpreter = null!;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_request, _context) = Scenarios.Generated<T>(Scenario);
        _encoded = T.Encode(_request);
        _interpreter = new PolicyInterpreter(T.Registry);
    }

    [Benchmark(Baseline = true)]
    public Resolution<T> Generated() => T.Resolve(_request, _context, default);

    [Benchmark]
    public Resolution<DimensionValue[]> Interpreter() => _interpreter.Resolve(_encoded, _context, default);
}

/// <summary>The large policy: 61 dimensions (60 plus the user's hazard list), 198 bounds.</summary>
public class LargeResolve : GeneratedResolve<LargePreferences>;

/// <summary>The 10-dimension policy (9 plus the user's hazard list) of the same shape, for the resolve goal at 10 dimensions.</summary>
public class TenResolve : GeneratedResolve<Ten.TenPreferences>;

/// <summary>Deciding on one piece of content against a resolution of the large policy, over 1,024 users and pieces of content per invocation; times are per decision.</summary>
[MemoryDiagnoser]
public class LargeDecide
{
    private Resolution<LargePreferences>[] _generated = null!;
    private Resolution<DimensionValue[]>[] _interpreted = null!;
    private Hazard[] _detected = null!;
    private PolicyInterpreter _interpreter = null!;

    [ParamsAllValues]
    public DecideScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var decisions = Scenarios.Decisions<LargePreferences>(Scenario, seed: 43);
        _interpreter = new PolicyInterpreter(LargePreferences.Registry);
        _generated = [.. decisions.Select(d => LargePreferences.Resolve(d.Request, d.Context))];
        _interpreted = [.. decisions.Select(d => _interpreter.Resolve(LargePreferences.Encode(d.Request), d.Context))];
        _detected = [.. decisions.Select(d => d.Detected)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int Generated()
    {
        var sum = 0;
        var resolutions = _generated;
        var detected = _detected;
        for (var i = 0; i < resolutions.Length; i++)
        {
            sum += Scenarios.Use(LargePreferences.Decide(resolutions[i], detected[i]));
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
