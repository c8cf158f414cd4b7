using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// <c>pac verify</c> on compiled policies. The conflicting ones are compiled with the generator alone (as every policy
/// here is): the analysers would report their conflicts as errors, and an assembly built with those suppressed, or by
/// an older SDK, is exactly what verify is for.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class VerifyTests(PolicyAssemblies policies)
{
    /// <summary>UK law: at most teen content for minors. The organisation locks mature content: a conflict wherever Minor holds (or is unknown).</summary>
    internal const string ConditionalConflict = """
        using PolicyAsCode;

        namespace Conditional;

        public enum Maturity { General, Teen, Mature }

        [ImmutableTier("UK")]
        public partial record UkLaw
        {
            [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "minors get at most teen content")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(UkLaw)])]
        public partial record Acme
        {
            [Locked(Maturity.Mature, Reason = "a fiction service")] [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; } = Maturity.Mature;
        }
        """;

    /// <summary>
    /// Conflicts in every context: the organisation locks a maturity the law never allows, and the user tier's
    /// default tone lies outside the organisation's bound.
    /// </summary>
    internal const string UnconditionalConflict = """
        using PolicyAsCode;

        namespace Unconditional;

        public enum Maturity { General, Teen, Mature }

        public enum Tone { Neutral, Friendly, Sarcastic }

        [ImmutableTier("UK")]
        public partial record UkLaw
        {
            [AtMost(Maturity.Teen, Reason = "law")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(UkLaw)])]
        public partial record Acme
        {
            [Locked(Maturity.Mature, Reason = "a fiction service")] [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; }

            [AtMost(Tone.Friendly, Reason = "no sarcasm")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Tone Tone { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; } = Maturity.General;

            [Enables(Benefit.Wellbeing)]
            public Tone Tone { get; init; } = Tone.Sarcastic;
        }
        """;

    private string Conditional => policies.Custom("ConditionalConflict", new Dictionary<string, string> { ["Policy.cs"] = ConditionalConflict });

    private string Unconditional => policies.Custom("UnconditionalConflict", new Dictionary<string, string> { ["Policy.cs"] = UnconditionalConflict });

    [Fact]
    public void The_QuickStart_policy_has_no_conflicts()
    {
        var run = PacRun.Of("verify", policies.QuickStart);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("pac verify: QuickStart.Policies.LearnerPreferences (", run.Output);
        Assert.DoesNotContain("Conflicts", run.Output);

        // Facts named by conditions: Minor, ConsentsToMemory, RolePlay: 27 contexts in each of EU, US, DE and US-CA,
        // each nested jurisdiction named with the one it is within.
        Assert.EndsWith("no conflicts in 4 jurisdictions (EU, US, DE within EU, US-CA within US), 108 contexts checked.\n", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_conditional_conflict_exits_1_and_names_jurisdiction_fact_rules_and_tiers()
    {
        var run = PacRun.Of("verify", Conditional);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("UK", "when Minor holds", "Maturity", "Locked(Maturity.Mature)", "organisation acme", "AtMost(Maturity.Teen) (when Minor)", "law of UK", "{General, Teen}");
        Assert.Single(run.Rows, r => r.Length > 0 && r[0] == "UK");
        Assert.Contains("1 conflict (1 only in some contexts) in 1 jurisdiction (UK), 3 contexts checked", run.Output);
    }

    [Fact]
    public void Unconditional_conflicts_exit_1_with_the_bound_and_the_default()
    {
        var run = PacRun.Of("verify", Unconditional);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("UK", "in every context", "Maturity", "Locked(Maturity.Mature)", "organisation acme", "AtMost(Maturity.Teen)", "law of UK", "{General, Teen}");
        run.AssertRow("UK", "in every context", "Tone", "default Sarcastic", "user tier Prefs", "AtMost(Tone.Friendly)", "organisation acme", "{Neutral, Friendly}");
        Assert.Contains("2 conflicts (2 wherever the rule applies) in 1 jurisdiction (UK), 1 context checked", run.Output);
    }

    [Fact]
    public void Every_policy_of_an_assembly_is_verified_unless_one_is_named()
    {
        var both = policies.Custom("TwoPoliciesToVerify", new Dictionary<string, string>(PolicyAssemblies.QuickStartSources()) { ["Conditional.cs"] = ConditionalConflict });

        var all = PacRun.Of("verify", both);
        var quickStart = PacRun.Of("verify", both, "--policy", "LearnerPreferences");
        var conditional = PacRun.Of("verify", both, "--policy", "Conditional.Prefs");

        Assert.True(all.ExitCode == 1, all.ToString());
        Assert.Contains("pac verify: Conditional.Prefs (", all.Output);
        Assert.Contains("pac verify: QuickStart.Policies.LearnerPreferences (", all.Output);
        Assert.Contains("no conflicts in 4 jurisdictions (EU, US, DE within EU, US-CA within US)", all.Output);
        Assert.True(quickStart.ExitCode == 0, quickStart.ToString());
        Assert.DoesNotContain("Conditional.Prefs", quickStart.Output);
        Assert.True(conditional.ExitCode == 1, conditional.ToString());
        Assert.DoesNotContain("LearnerPreferences", conditional.Output);
    }

    [Fact]
    public void A_bound_with_no_effect_is_a_note_not_a_conflict()
    {
        var sources = PolicyAssemblies.QuickStartSources().ToDictionary();
        sources["ContosoLearning.cs"] = sources["ContosoLearning.cs"].Replace("[AtMost(14,", "[AtMost(60,", System.StringComparison.Ordinal);
        var run = PacRun.Of("verify", policies.Custom("NoEffect", sources));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("- EU: organisation contoso-learning's AtMost(60) on MemoryDays is no narrower than law of EU's Between(0, 30); it has no effect there (0 to 30 is allowed either way).", run.Output);

        // EU law applies in DE too, so the bound has no effect there either; the note names DE with the EU it is within.
        // (What the tiers above allow is the kernel's witness context, where DE law's lock for minors holds.)
        Assert.Contains("- DE within EU: organisation contoso-learning's AtMost(60) on MemoryDays is no narrower than law of EU's Between(0, 30); it has no effect there (0 is allowed either way).", run.Output);
        Assert.EndsWith("no conflicts in 4 jurisdictions (EU, US, DE within EU, US-CA within US), 108 contexts checked; 2 notes.\n", run.Output);
    }

    [Fact]
    public void Bad_input_exits_2()
    {
        var missing = PacRun.Of("verify", Path.Combine(policies.Folder, "nowhere.dll"));
        var unknown = PacRun.Of("verify", policies.QuickStart, "--policy", "Nope");
        var notPolicy = PacRun.Of("verify", policies.Custom("NoPolicyToVerify", new Dictionary<string, string> { ["Nothing.cs"] = "namespace Nothing; public sealed class Plain { }" }));
        var notAssembly = Path.Combine(policies.Folder, "verify-notes.dll");
        File.WriteAllText(notAssembly, "not an assembly\n");
        var text = PacRun.Of("verify", notAssembly);

        foreach (var (run, fragment) in new[] { (missing, "no such file"), (unknown, "no policy named Nope"), (notPolicy, "holds no policy"), (text, "not a .NET assembly") })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Empty(run.Output);
            Assert.Contains(fragment, run.Error);
            Assert.DoesNotContain("\n", run.Error.TrimEnd('\n'));
        }
    }
}
