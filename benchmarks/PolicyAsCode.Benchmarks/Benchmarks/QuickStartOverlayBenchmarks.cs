using System;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.Workload;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Resolving one QuickStart request through a <see cref="PolicySnapshot{TPreferences}"/> with a realistic overlay in
/// force (<see cref="OverlayScenarios.Realistic"/>), against the compiled snapshot of the same engine (the baseline:
/// the generated evaluator), and the interpreter of the overlaid registry, which is how an overlaid snapshot resolved
/// before issue 17 (given the request already encoded, which flatters it).
/// </summary>
[MemoryDiagnoser]
public class QuickStartOverlaidResolve
{
    private PolicySnapshot<LearnerPreferences> _compiled = null!;
    private PolicySnapshot<LearnerPreferences> _overlaid = null!;
    private PolicyInterpreter _interpreter = null!;
    private LearnerPreferences _request = null!;
    private DimensionValue[] _encoded = null!;
    private PolicyContext _context;

    [ParamsAllValues]
    public ResolveScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = OverlayScenarios.Engine();
        (_compiled, _overlaid) = (engine.Compiled, engine.Current);
        _interpreter = new PolicyInterpreter(_overlaid.Registry);
        (_request, _context) = OverlayScenarios.QuickStart(Scenario);
        _encoded = LearnerPreferences.Encode(_request);

        // Both snapshots must move the scenario's number of values, and the overlaid one must answer as its interpreter.
        OverlayScenarios.ExpectSameMoves(Scenario, _compiled, _overlaid, _request, _context);
        if (!System.Linq.Enumerable.SequenceEqual(_overlaid.Resolve(_request, _context).Adjustments, _interpreter.Resolve(_encoded, _context).Adjustments))
        {
            throw new InvalidOperationException($"{Scenario}: the overlaid snapshot disagrees with its interpreter");
        }
    }

    [Benchmark(Baseline = true)]
    public Resolution<LearnerPreferences> Compiled() => _compiled.Resolve(_request, _context);

    [Benchmark]
    public Resolution<LearnerPreferences> Overlaid() => _overlaid.Resolve(_request, _context);

    [Benchmark]
    public Resolution<DimensionValue[]> Interpreted() => _interpreter.Resolve(_encoded, _context);
}

/// <summary>
/// Deciding through the compiled snapshot (the baseline) and the overlaid one, over <see cref="Scenarios.DecisionBatch"/>
/// users and pieces of content per invocation that both allow, or both refuse; times are per decision.
/// </summary>
[MemoryDiagnoser]
public class QuickStartOverlaidDecide
{
    private PolicySnapshot<LearnerPreferences> _compiledSnapshot = null!;
    private PolicySnapshot<LearnerPreferences> _overlaidSnapshot = null!;
    private Resolution<LearnerPreferences>[] _compiled = null!;
    private Resolution<LearnerPreferences>[] _overlaid = null!;
    private Hazard[] _detected = null!;

    [ParamsAllValues]
    public DecideScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = OverlayScenarios.Engine();
        (_compiledSnapshot, _overlaidSnapshot) = (engine.Compiled, engine.Current);
        (_compiled, _overlaid, _detected) = OverlayScenarios.Decisions(engine, Scenario);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int Compiled() => Decide(_compiledSnapshot, _compiled);

    [Benchmark(OperationsPerInvoke = Scenarios.DecisionBatch)]
    public int Overlaid() => Decide(_overlaidSnapshot, _overlaid);

    private int Decide(PolicySnapshot<LearnerPreferences> snapshot, Resolution<LearnerPreferences>[] resolutions)
    {
        var sum = 0;
        var detected = _detected;
        for (var i = 0; i < resolutions.Length; i++)
        {
            sum += Scenarios.Use(snapshot.Decide(resolutions[i], detected[i]));
        }

        return sum;
    }
}
