using System;
using System.Collections.Generic;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Workload;

/// <summary>The QuickStart with a realistic overlay in force, and requests that move the same way with it and without it.</summary>
public static class OverlayScenarios
{
    /// <summary>The example of docs/runtime.md: a pilot with younger learners, a German pilot, a cap in the EU, one more hazard refused.</summary>
    public static readonly PolicyOverlay Realistic = PolicyOverlay.Empty
        .AtMost("Maturity", "General", "pilot with younger learners").Between("MemoryDays", 0, 7)
        .With(new OverlayBound("Tone", BoundForm.Allowed, ["Neutral", "Friendly"], Fact.Minor))
        .AtMost("Topics", "Science, History").Forbid(["S11"], "self-harm topics go to a human counsellor")
        .In("DE", de => de.AtMost("MemoryDays", 7, "German pilot")).In("EU", eu => eu.AtMost("Creativity", 0.6));

    /// <summary>An engine with <see cref="Realistic"/> in force; <see cref="PolicyEngine{TPreferences}.Compiled"/> is the baseline.</summary>
    public static PolicyEngine<LearnerPreferences> Engine()
    {
        var engine = new PolicyEngine<LearnerPreferences>();
        var result = engine.ApplyOverlay(Realistic);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Compilation.Describe());
        }

        return engine;
    }

    /// <summary>
    /// An engine of the 1,000-dimension policy (Large/WidePolicy.cs) with a tighter cap on one dimension in force, which
    /// only the many-clamps request asks past (and the tiers clamp there anyway): its overlaid snapshot moves exactly
    /// what the compiled one moves, through its own path.
    /// </summary>
    public static PolicyEngine<PolicyAsCode.Benchmarks.Wide.WidePreferences> WideEngine()
    {
        var engine = new PolicyEngine<PolicyAsCode.Benchmarks.Wide.WidePreferences>();
        var result = engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Days02", 20, "a pilot keeps less"));
        if (!result.Succeeded || !engine.Current.IsOverlaid)
        {
            throw new InvalidOperationException(result.Compilation.Describe());
        }

        return engine;
    }

    /// <summary>
    /// Throws unless both snapshots move the scenario's number of values: none, exactly one, or (many clamps) as many
    /// as the compiled snapshot does, so that a benchmark compares the same work.
    /// </summary>
    public static void ExpectSameMoves<T>(ResolveScenario scenario, PolicySnapshot<T> compiled, PolicySnapshot<T> overlaid, T request, PolicyContext context)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(overlaid);
        var moved = (Compiled: compiled.Resolve(request, context).Adjustments.Count, Overlaid: overlaid.Resolve(request, context).Adjustments.Count);
        var expected = scenario switch { ResolveScenario.Unchanged => 0, ResolveScenario.OneClamp => 1, _ => moved.Compiled };
        if (moved.Compiled != expected || moved.Overlaid != expected)
        {
            throw new InvalidOperationException($"{scenario}: the compiled and overlaid snapshots move {moved} values, not {expected}");
        }
    }

    /// <summary>
    /// A request for each scenario that moves as many values under the overlay as without it: the scenarios of
    /// <see cref="Scenarios.QuickStart"/>, with the maturity the overlay caps asked at General when nothing may move.
    /// </summary>
    public static (LearnerPreferences Request, PolicyContext Context) QuickStart(ResolveScenario scenario) => scenario switch
    {
        ResolveScenario.Unchanged => (Scenarios.QuickStartWithin with { Maturity = Maturity.General }, Scenarios.EuAdult),
        ResolveScenario.OneClamp => (Scenarios.QuickStartWithin with { Maturity = Maturity.Mature }, Scenarios.EuAdult),
        _ => Scenarios.QuickStart(scenario),
    };

    /// <summary>
    /// <see cref="Scenarios.DecisionBatch"/> users with their resolutions by both snapshots, and a detected hazard mask
    /// each, drawn as <see cref="Scenarios.Decisions{T}"/> draws them and kept where both snapshots decide as the scenario says.
    /// </summary>
    public static (Resolution<LearnerPreferences>[] Compiled, Resolution<LearnerPreferences>[] Overlaid, Hazard[] Detected) Decisions(
        PolicyEngine<LearnerPreferences> engine, DecideScenario scenario)
    {
        var compiled = new List<Resolution<LearnerPreferences>>();
        var overlaid = new List<Resolution<LearnerPreferences>>();
        var detected = new List<Hazard>();
        for (var seed = 42; compiled.Count < Scenarios.DecisionBatch; seed++)
        {
            foreach (var (request, context, hazards) in Scenarios.Decisions<LearnerPreferences>(scenario, seed))
            {
                var byOverlay = engine.Current.Resolve(request, context);
                var byCompiled = engine.Compiled.Resolve(request, context);
                var allow = scenario == DecideScenario.Allow;
                if (compiled.Count < Scenarios.DecisionBatch && engine.Current.Decide(byOverlay, hazards).IsAllowed == allow)
                {
                    // Both snapshots must decide alike, so that the benchmark compares the same work.
                    if (engine.Compiled.Decide(byCompiled, hazards).IsAllowed != allow)
                    {
                        throw new InvalidOperationException($"{scenario}: the compiled snapshot decides otherwise on hazards {hazards} (seed {seed})");
                    }

                    compiled.Add(byCompiled);
                    overlaid.Add(byOverlay);
                    detected.Add(hazards);
                }
            }
        }

        return ([.. compiled], [.. overlaid], [.. detected]);
    }
}
