using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public class ConcurrentOverlayTests
{
    private const int Readers = 4;
    private const int MinimumSwaps = 2000;

    // Everything an evaluation produced, in a form that compares by value.
    private sealed record Outcome(string Version, string Effective, Hazard Forbidden, ulong Active, int Jurisdiction, string Adjustments, Verdict Verdict, DecisionCause Cause, int? Rule, int? Tier, Hazard Hazards)
    {
        public static Outcome Of(PolicyEvaluation<LearnerPreferences> e) => new(
            e.Snapshot.Version,
            string.Join(",", LearnerPreferences.Encode(e.Resolution.Effective)),
            e.Resolution.Forbidden,
            e.Resolution.ActiveForbids,
            e.Resolution.Jurisdiction,
            string.Join(" | ", e.Resolution.Adjustments.Select(a => a.Explain())),
            e.Decision.Verdict,
            e.Decision.Cause,
            e.Decision.Rule?.Index,
            e.Decision.Tier?.Index,
            e.Decision.Hazards);

        public Outcome WithVersion(string version) => this with { Version = version };
    }

    [Fact]
    public void Deciding_on_several_threads_while_overlays_are_swapped_gives_the_old_or_the_new_policys_decision_never_a_mix()
    {
        var narrow = PolicyOverlay.Empty
            .AtMost("Maturity", "General")
            .Between("MemoryDays", 0, 3)
            .Allowed("Language", "en")
            .Forbid(Hazard.SuicideAndSelfHarm | Hazard.Hate, "overlay");
        var narrower = PolicyOverlay.Empty.AtMost("Tone", "Neutral").Locked("MemoryDays", 0).Forbid(Hazard.Privacy);

        var inputs = (
            from context in new[] { Learners.EuMinor, Learners.EuAdult, Learners.EuAdultRolePlay, Learners.UsAdult, PolicyContext.In(null) }
            from request in new[]
            {
                Learners.AsksForEverything,
                new LearnerPreferences { Maturity = Maturity.Teen, MemoryDays = 10, Language = "de", AvoidHazards = Hazard.ViolentCrimes },
                new LearnerPreferences { DiscloseAi = false, Tone = Tone.Playful },
            }
            from hazard in new[] { Hazard.None, Hazard.SuicideAndSelfHarm, Hazard.Hate | Hazard.Elections, Hazard.Privacy, Hazard.SexualContent, Hazard.ViolentCrimes }
            select (request, context, hazard)).ToArray();

        // The expected outcome of every input under each of the three policies, from engines nobody swaps.
        var policies = new[] { PolicyOverlay.Empty, narrow, narrower };
        var expected = new Dictionary<string, Outcome[]>();
        foreach (var overlay in policies)
        {
            using var reference = Learners.Engine();
            Assert.True(reference.ApplyOverlay(overlay).Succeeded);
            var snapshot = reference.Current;
            expected[snapshot.Version] = [.. inputs.Select(i => Outcome.Of(snapshot.Evaluate(i.request, i.context, i.hazard)))];
        }

        // The three policies differ on these inputs in both resolution and decision, so a mix would show.
        Assert.Equal(3, expected.Count);
        var versions = expected.Keys.ToArray();
        for (var a = 0; a < versions.Length; a++)
        {
            for (var b = a + 1; b < versions.Length; b++)
            {
                var (x, y) = (expected[versions[a]], expected[versions[b]]);
                Assert.Contains(Enumerable.Range(0, inputs.Length), i => x[i].Effective != y[i].Effective);
                Assert.Contains(Enumerable.Range(0, inputs.Length), i => x[i].Verdict != y[i].Verdict);
            }
        }

        using var engine = Learners.Engine();
        var failures = new List<string>();
        var seen = new HashSet<string>[Readers];
        var swapsDone = 0;
        var stop = 0;
        var start = new Barrier(Readers + 1);

        var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() =>
        {
            var mine = seen[r] = [];
            start.SignalAndWait();
            var i = r;
            while (Volatile.Read(ref stop) == 0)
            {
                i = (i + 7) % inputs.Length;
                var (request, context, hazard) = inputs[i];
                try
                {
                    var outcome = Outcome.Of(engine.Evaluate(request, context, hazard));
                    lock (mine)
                    {
                        mine.Add(outcome.Version);
                    }

                    if (!expected.TryGetValue(outcome.Version, out var forVersion) || forVersion[i] != outcome)
                    {
                        lock (failures)
                        {
                            failures.Add($"input {i}: {outcome} matches no policy's outcome");
                        }
                    }
                }
                catch (Exception exception)
                {
                    lock (failures)
                    {
                        failures.Add($"input {i} threw {exception}");
                    }
                }
            }
        })).ToList();

        var writer = new Thread(() =>
        {
            start.SignalAndWait();
            var n = 0;
            // Swap until enough swaps were made and every reader has decided under every policy.
            while (n < MinimumSwaps || !seen.All(s => { lock (s) { return s.Count == policies.Length; } }))
            {
                var result = engine.ApplyOverlay(policies[n % policies.Length]);
                if (!result.Succeeded)
                {
                    lock (failures)
                    {
                        failures.Add("an overlay was rejected: " + result.Compilation.Describe());
                    }
                }

                n++;
            }

            Volatile.Write(ref swapsDone, n);
            Volatile.Write(ref stop, 1);
        });

        readers.ForEach(t => t.Start());
        writer.Start();
        writer.Join();
        readers.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.True(swapsDone >= MinimumSwaps);
        Assert.All(seen, s => Assert.Equal(policies.Length, s.Count));
    }

    [Fact]
    public void A_mixed_evaluation_would_be_caught_by_the_outcome_comparison()
    {
        // Guards the test above: resolving on one snapshot and deciding on another gives an outcome no policy gives.
        using var compiled = Learners.Engine();
        using var overlaid = Learners.Engine();
        overlaid.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General").Forbid(Hazard.Privacy));
        var request = Learners.AsksForEverything with { AvoidHazards = Hazard.Hate };
        var context = Learners.EuAdult;

        var old = compiled.Current.Evaluate(request, context, Hazard.Hate);
        var @new = overlaid.Current.Evaluate(request, context, Hazard.Hate);
        var mixed = new PolicyEvaluation<LearnerPreferences>(overlaid.Current, old.Resolution, overlaid.Current.Decide(old.Resolution, Hazard.Hate));

        Assert.Equal(DecisionCause.Forbidden, old.Decision.Cause);
        Assert.Equal(DecisionCause.Forbidden, @new.Decision.Cause);
        Assert.NotEqual(DecisionCause.Forbidden, mixed.Decision.Cause); // the rule numbering moved: a mix misreads it
        Assert.NotEqual(Outcome.Of(old).WithVersion("v"), Outcome.Of(mixed).WithVersion("v"));
        Assert.NotEqual(Outcome.Of(@new).WithVersion("v"), Outcome.Of(mixed).WithVersion("v"));
    }
}
