using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyAsCode.Benchmarks.Cedar;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.TestSupport;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Benchmarks.Tests;

/// <summary>
/// The Cedar side-by-side's arithmetic and checks (benchmarks/Cedar/run.sh): how chunk samples become figures, and
/// that the timed inputs still give the recorded decisions. Synthetic tick counts only; nothing here is timed.
/// </summary>
public sealed class CedarTimingTests
{
    [Fact]
    public void Run_sh_times_every_way_each_in_a_process_of_its_own()
    {
        // A way run.sh forgot would drop out of the side-by-side; one it names that Time does not know would stop it.
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "benchmarks", "Cedar", "run.sh"));
        var loop = Regex.Match(script, @"for way in ([a-z\- ]+); do\s+""\$\{bench\[@\]\}"" cedar-time ""\$requests"" 201 250 ""\$way""");

        Assert.True(loop.Success, "run.sh no longer starts cedar-time once per way");
        Assert.Equal(CedarComparison.Ways, loop.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("gate,resolve")]
    [InlineData("gate,")]
    public void An_unknown_way_stops_the_timing_before_anything_is_read(string ways)
    {
        Assert.Equal(2, CedarComparison.Time(Path.Combine(Path.GetTempPath(), "no-such-requests.json"), rounds: 1, chunk: 1, ways));
    }

    [Fact]
    public void A_round_the_scheduler_interrupts_moves_the_slowest_round_but_not_the_median()
    {
        // 5 rounds of 2 chunks; chunk 0 takes 100 ticks, chunk 1 takes 300, except round 3 where chunk 1 was interrupted.
        var ticks = Enumerable.Range(0, 5).Select(r => new long[] { 100, r == 3 ? 30_000 : 300 }).ToArray();

        var timing = PassTiming.From(ticks, requests: 4, warmUpPasses: 1, warmUpSeconds: 0, bytesPerPass: 200, default);

        var nsPerTick = 1e9 / Stopwatch.Frequency;
        Assert.Equal(400 * nsPerTick / 4, timing.Median, 6);
        Assert.Equal(400 * nsPerTick / 4, timing.Q1, 6);
        Assert.Equal(400 * nsPerTick / 4, timing.Q3, 6);
        Assert.Equal(400 * nsPerTick / 4, timing.RoundMin, 6);
        Assert.Equal(400 * nsPerTick / 4, timing.RoundMedian, 6);
        Assert.Equal(30_100 * nsPerTick / 4, timing.RoundMax, 6);
        Assert.Equal(50, timing.BytesPerRequest);
    }

    [Fact]
    public void Quartiles_add_up_each_chunks_own_quartiles()
    {
        // Chunk 0 takes 10, 20, 30, 40, 50 ticks over the rounds; chunk 1 the reverse, so every round totals 60.
        var ticks = Enumerable.Range(0, 5).Select(r => new long[] { 10 * (r + 1), 10 * (5 - r) }).ToArray();

        var timing = PassTiming.From(ticks, requests: 1, warmUpPasses: 0, warmUpSeconds: 0, bytesPerPass: 0, default);

        var nsPerTick = 1e9 / Stopwatch.Frequency;
        Assert.Equal(60 * nsPerTick, timing.Median, 6);
        Assert.Equal(40 * nsPerTick, timing.Q1, 6);
        Assert.Equal(80 * nsPerTick, timing.Q3, 6);
        Assert.Equal(60 * nsPerTick, timing.RoundMin, 6);
        Assert.Equal(60 * nsPerTick, timing.RoundMax, 6);
    }

    [Fact]
    public void The_prepared_inputs_give_the_recorded_decisions_and_name_the_first_that_differs()
    {
        var requests = CedarComparison.Requests(500, seed: 7);
        var recorded = requests.Select(r => CedarComparison.Decide(r.Preferences, r.Context, r.Detected, r.ContentMaturity)).ToArray();
        var inputs = CedarInputs.Prepare(requests);

        Assert.Equal(-1, inputs.FirstDisagreement(recorded));
        Assert.Equal(recorded.Count(d => d), inputs.ResolveAndDecide(0, inputs.Count));
        Assert.Equal(recorded.Count(d => d), inputs.DecideResolved(0, inputs.Count));
        Assert.Equal(recorded.Count(d => d), inputs.DecideByHand(0, inputs.Count));
        Assert.Equal(recorded.Count(d => d), inputs.DecideByGate(0, inputs.Count));

        // The only value these requests can ask beyond a bound is Mature, above the organisation's Teen.
        Assert.Equal(requests.Select(r => r.Maturity == 2), requests.Select(CedarComparison.Moves));

        var flipped = (bool[])recorded.Clone();
        flipped[321] = !flipped[321];
        Assert.Equal(321, inputs.FirstDisagreement(flipped));
        Assert.Equal(499, inputs.FirstDisagreement(recorded[..499]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_requests_as_read_are_dropped_before_timing_unless_kept(bool keep)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pac-cedar-requests-{Guid.NewGuid():N}.json");
        try
        {
            CedarComparison.Write(path, 500, seed: 7);
            var loaded = LoadedRequests.Load(path, split: true, keepRequests: keep);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            // Only the typed inputs are left for the timed loops; the records read from JSON are collected with their
            // arrays and strings, so the collector can pack what stays (the jurisdictions) together.
            Assert.Equal(keep, loaded.Read.IsAlive);
            Assert.Equal(keep ? 500 : 0, loaded.KeptRequests?.Length ?? 0);
            var requests = CedarComparison.Requests(500, seed: 7);
            Assert.Equal(requests.Select(r => CedarComparison.Decide(r.Preferences, r.Context, r.Detected, r.ContentMaturity)), loaded.Recorded);
            Assert.Equal(-1, loaded.Inputs.FirstDisagreement(loaded.Recorded));
            Assert.Equal([requests.Count(r => !CedarComparison.Moves(r)), requests.Count(CedarComparison.Moves)], loaded.Halves.Select(h => h.Count));
            Assert.Equal(loaded.Recorded.Count(d => d), loaded.Halves.Sum(h => h.ResolveAndDecide(0, h.Count)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_decision_by_hand_and_by_the_gate_is_the_generated_evaluators_in_every_context_and_for_every_value()
    {
        // Beyond what the comparison draws: every jurisdiction in any case, unmatched and empty ones, every fact known
        // either way or not, maturities and avoid lists outside their domains, hazards the policy cannot name.
        var jurisdictions = new[] { "EU", "eu", "US", "Us", "DE", "de", "US-CA", "us-ca", "BR", "", null };
        var facts = new[] { Fact.Minor, Fact.RolePlay, Fact.ConsentsToMemory };
        var random = new Random(17);
        var allowed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var context = PolicyContext.In(jurisdictions[random.Next(jurisdictions.Length)]);
            foreach (var fact in facts)
            {
                context = random.Next(3) switch { 0 => context.With(fact, true), 1 => context.With(fact, false), _ => context };
            }

            var avoid = (Hazard)((ulong)random.NextInt64() & (random.Next(4) == 0 ? ~0UL : 0xFF00003FFFUL));
            var preferences = new LearnerPreferences { Maturity = (Maturity)random.Next(4), AvoidHazards = avoid };
            var detected = random.Next(3) == 0 ? Hazard.None : (Hazard)(1UL << random.Next(40)) | (Hazard)(1UL << random.Next(14));
            var contentMaturity = random.Next(3);

            var expected = CedarComparison.Decide(preferences, in context, detected, contentMaturity);
            Assert.True(expected == QuickStartDecisionByHand.Allows(preferences, in context, detected, contentMaturity), $"request {i}: {preferences} in {context}, detected {detected}, content maturity {contentMaturity}");
            Assert.True(expected == CedarComparison.DecideByGate(preferences, in context, detected, contentMaturity), $"request {i} by the gate: {preferences} in {context}, detected {detected}, content maturity {contentMaturity}");
            allowed += expected ? 1 : 0;
        }

        // Both answers occur often, so agreement is not agreement on one answer.
        Assert.InRange(allowed, 2_000, 18_000);
    }

    [Fact]
    public void A_pass_whose_decisions_change_while_timed_is_refused()
    {
        var calls = 0;
        int Pass(int from, int to) => ++calls > 1 ? 0 : to - from;

        Assert.Throws<InvalidOperationException>(() => PassTimer.Time(Pass, count: 10, rounds: 1, chunk: 5, allowed: 10));
    }
}
