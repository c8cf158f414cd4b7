using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Issue 17, goal 2: an overlaid snapshot resolves from kept contexts and generated code, and must answer exactly as
/// the reference interpreter of the overlaid registry, on random compiled policies with random narrowing overlays and
/// on the QuickStart with realistic ones. Reproduce a failure with PAC_EVAL_SEED; soak with PAC_OVERLAY_POLICIES
/// (default 40), PAC_OVERLAY_OVERLAYS (accepted overlays per policy, default 4) and PAC_OVERLAY_CASES (drawn per overlay, default 1,000).
/// </summary>
public sealed class OverlayDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Overlaid_snapshots_of_random_policies_match_the_interpreter()
    {
        var master = CompiledBatch.MasterSeed();
        var policyCount = CompiledBatch.Setting("PAC_OVERLAY_POLICIES", 40);
        var overlays = CompiledBatch.Setting("PAC_OVERLAY_OVERLAYS", 4);
        var cases = CompiledBatch.Setting("PAC_OVERLAY_CASES", 1_000);
        output.WriteLine($"PAC_EVAL_SEED={master}");

        // Seeds of their own, so these are not the policies RandomPolicyDifferentialTests draws in the same run.
        RandomPolicy Policy(int i) =>
            RandomPolicySource.Create(CompiledBatch.PolicySeed(master, 100_000 + i), "Overlaid.P" + i.ToString(CultureInfo.InvariantCulture), customHazards: CompiledBatch.CustomHazards(i));

        var run = typeof(OverlayDifferential).GetMethod(nameof(OverlayDifferential.Run))!;
        var total = (Cases: 0L, Unchanged: 0L, Moved: 0L, OutOfDomain: 0L);
        void Check(IEnumerable<RandomPolicy> policies)
        {
            foreach (var chunk in policies.Chunk(CompiledBatch.Size))
            {
                using var batch = CompiledBatch.Compile(master, chunk);
                foreach (var policy in chunk)
                {
                    var (checkedCases, unchanged, moved, outOfDomain) = batch.Run<(long, long, long, long)>(run, policy, policy.Seed, overlays, cases);
                    total = (total.Cases + checkedCases, total.Unchanged + unchanged, total.Moved + moved, total.OutOfDomain + outOfDomain);
                }
            }
        }

        bool BothPaths() => total.Unchanged >= total.Cases / 10 && total.Moved >= total.Cases / 10;
        Check(Enumerable.Range(0, policyCount).Select(Policy));

        // The policies drawn decide how many requests can be granted as asked (one whose bounds contradict each other
        // moves every request): a seed whose draws leave either path under a tenth of the cases (9 % for one, in a
        // run) draws more policies, a batch at a time, until both have it.
        for (var drawn = policyCount; !BothPaths() && drawn < policyCount + (3 * CompiledBatch.Size); drawn += CompiledBatch.Size)
        {
            Check(Enumerable.Range(drawn, CompiledBatch.Size).Select(Policy));
        }

        output.WriteLine($"{total.Cases} cases agreed: {total.Unchanged} granted as asked, {total.Moved} adjusted; and {total.OutOfDomain} with one value outside its domain");
        Assert.True(total.OutOfDomain >= total.Cases / 4, $"only {total.OutOfDomain} requests with one value outside its domain");
        var soaking = Environment.GetEnvironmentVariable("PAC_OVERLAY_POLICIES") is not null || Environment.GetEnvironmentVariable("PAC_OVERLAY_CASES") is not null;
        Assert.True(total.Cases >= 100_000 || soaking, $"only {total.Cases} cases ran");
        Assert.True(BothPaths(), $"one path was hardly exercised: {total.Unchanged} granted as asked, {total.Moved} adjusted");
    }

    [Fact]
    public void Overlaid_snapshots_of_the_QuickStart_match_the_interpreter()
    {
        var master = CompiledBatch.MasterSeed();
        output.WriteLine($"PAC_EVAL_SEED={master}");
        var random = new PCG(3, unchecked((ulong)master));
        using var engine = new PolicyEngine<LearnerPreferences>();
        var total = (Unchanged: 0L, Moved: 0L, OutOfDomain: 0L);
        foreach (var overlay in RealisticOverlays)
        {
            var result = engine.ApplyOverlay(overlay);
            Assert.True(result.Succeeded, result.Compilation.Describe());
            var (unchanged, moved, outOfDomain) = OverlayDifferential.Check(engine.Current, 6_000, random, overlay.Describe());
            total = (total.Unchanged + unchanged, total.Moved + moved, total.OutOfDomain + outOfDomain);
        }

        output.WriteLine($"{total.Unchanged + total.Moved} cases agreed: {total.Unchanged} granted as asked, {total.Moved} adjusted; and {total.OutOfDomain} with one value outside its domain");
        Assert.True(total.Unchanged > 0 && total.Moved > 0, $"{total.Unchanged} granted as asked, {total.Moved} adjusted");
        Assert.True(total.OutOfDomain > 10_000, $"only {total.OutOfDomain} requests with one value outside its domain");
    }

    [Fact]
    public void An_overlaid_snapshot_admits_only_what_its_overlay_allows()
    {
        using var engine = new PolicyEngine<LearnerPreferences>();
        var context = PolicyContext.In("US").With(Fact.Minor, false);
        var learner = new LearnerPreferences();
        Assert.True(engine.Current.Admits(learner, context, Hazard.Hate));

        Assert.True(engine.ApplyOverlay(PolicyOverlay.Empty.Forbid(Hazard.Hate | Hazard.Privacy)).Succeeded);

        // The generated gate knows only the compiled policy; the overlaid snapshot's answer is the narrower one.
        Assert.True(LearnerPreferences.Admits(learner, context, Hazard.Hate));
        Assert.False(engine.Current.Admits(learner, context, Hazard.Hate));
        Assert.False(engine.Current.Evaluate(learner, context, Hazard.Hate).Decision.IsAllowed);
        Assert.True(engine.Current.Admits(learner, context, Hazard.ViolentCrimes));
    }

    // What an organisation running the QuickStart tutor would write: the example of docs/runtime.md, a pilot with
    // minors, a hazard list every learner must keep, and narrowings confined to one law.
    private static readonly PolicyOverlay[] RealisticOverlays =
    [
        PolicyOverlay.Empty
            .AtMost("Maturity", "General", "pilot with younger learners").Between("MemoryDays", 0, 7)
            .With(new OverlayBound("Tone", BoundForm.Allowed, ["Neutral", "Friendly"], Fact.Minor))
            .AtMost("Topics", "Science, History").Forbid(["S11"], "self-harm topics go to a human counsellor")
            .In("DE", de => de.AtMost("MemoryDays", 7, "German pilot")).In("EU", eu => eu.AtMost("Creativity", 0.6)),
        PolicyOverlay.Empty.AtMost("Creativity", 0.5).AtLeast("AvoidHazards", "S10").Allowed("Language", "en", "de"),
        PolicyOverlay.Empty.Locked("DiscloseAi", true).AtMost("Tone", "Friendly").Forbid(Hazard.Hate | Hazard.Privacy),
        PolicyOverlay.Empty.In("US-CA", ca => ca.AtMost("MemoryDays", 3).AtMost("Maturity", "General"))
            .With(new OverlayBound("Verbosity", BoundForm.AtMost, ["Balanced"], Fact.Minor)),
        PolicyOverlay.Empty.With(new OverlayBound("MemoryDays", BoundForm.AtMost, ["2"], Fact.None, Fact.ConsentsToMemory))
            .AtLeast("Topics", "Science").Between("Creativity", 0.1, 0.7),
    ];
}
