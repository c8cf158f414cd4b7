using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary><c>pac diff</c> over every context (each fact holding, not holding or unknown) and over defaults.</summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class DiffContextTests(PolicyAssemblies policies)
{
    /// <summary>
    /// UK law allows only general content unless the user is a verified adult; the organisation keeps role-play with
    /// verified adults at teen content. That bound is visible only where both facts combine: in every context where
    /// one of them is known not to hold, or VerifiedAdult is unknown, something else decides.
    /// </summary>
    private const string Combined = """
        using PolicyAsCode;

        namespace Combined;

        public enum Maturity { General, Teen, Mature }

        [ImmutableTier("UK")]
        public partial record UkLaw
        {
            [Locked(Maturity.General, Unless = Fact.VerifiedAdult, Reason = "general content unless the user is a verified adult")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(UkLaw)])]
        public partial record Acme
        {
            [AtMost(Maturity.Teen, WhenAll = Fact.VerifiedAdult | Fact.RolePlay, Reason = "no mature role-play")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; } = Maturity.General;
        }
        """;

    private const string RolePlayBound = "[AtMost(Maturity.Teen, WhenAll = Fact.VerifiedAdult | Fact.RolePlay, Reason = \"no mature role-play\")] ";

    private string CombinedOld => policies.Custom("Combined", new Dictionary<string, string> { ["Policy.cs"] = Combined });

    private string CombinedNew => policies.Custom("CombinedWidened", new Dictionary<string, string> { ["Policy.cs"] = Combined.Replace(RolePlayBound, string.Empty, System.StringComparison.Ordinal) });

    /// <summary>Answers start detailed instead of balanced: within what every tier allows.</summary>
    private string VerbosityDefault => policies.Edited("VerbosityDefault", "LearnerPreferences.cs", "Verbosity Verbosity { get; init; } = Verbosity.Balanced;", "Verbosity Verbosity { get; init; } = Verbosity.Detailed;");

    /// <summary>The tone starts sarcastic, which the organisation never allowed.</summary>
    private string ToneDefault => policies.Edited("ToneDefault", "LearnerPreferences.cs", "Tone Tone { get; init; } = Tone.Friendly;", "Tone Tone { get; init; } = Tone.Sarcastic;");

    [Fact]
    public void A_change_visible_only_where_two_facts_combine_is_reported()
    {
        Assert.Contains(RolePlayBound, Combined);
        var run = PacRun.Of("diff", CombinedOld, CombinedNew);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("UK", "when VerifiedAdult holds and RolePlay holds or is unknown", "Maturity", "widened", "{General, Teen}", "{General, Teen, Mature}");
        run.AssertRow("(none: every law)", "when VerifiedAdult holds and RolePlay holds or is unknown", "Maturity", "widened", "{General, Teen}", "{General, Teen, Mature}");
        Assert.Equal(2, run.Rows.Count(r => r.Length > 2 && r[2] == "Maturity"));
    }

    [Fact]
    public void A_change_in_a_union_of_contexts_reads_as_its_conditions()
    {
        const string Union = """
            using PolicyAsCode;

            namespace Union;

            public enum Maturity { General, Teen, Mature }

            [ImmutableTier("UK")]
            public partial record UkLaw
            {
                [AtMost(Maturity.Mature, Reason = "law")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(UkLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Mature, Reason = "org")] ORG
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Maturity Maturity { get; init; } = Maturity.General;
            }
            """;
        var before = policies.Custom("UnionOld", new Dictionary<string, string> { ["Policy.cs"] = Union.Replace("ORG", string.Empty, System.StringComparison.Ordinal) });
        var after = policies.Custom("UnionNew", new Dictionary<string, string>
        {
            ["Policy.cs"] = Union.Replace("ORG", "[AtMost(Maturity.Teen, When = Fact.Minor, Reason = \"minors\")] [AtMost(Maturity.Teen, When = Fact.RolePlay, Reason = \"role-play\")]", System.StringComparison.Ordinal),
        });

        var run = PacRun.Of("diff", before, after);

        // Narrowed unless both facts are known not to hold: 8 of the 9 contexts, two conditions.
        Assert.True(run.ExitCode == 0, run.ToString());
        run.AssertRow("UK", "when RolePlay holds or is unknown; or when Minor holds or is unknown", "Maturity", "narrowed", "{General, Teen, Mature}", "{General, Teen}");
    }

    [Fact]
    public void A_changed_default_within_the_old_bounds_is_a_change_not_a_widening()
    {
        var run = PacRun.Of("diff", policies.QuickStart, VerbosityDefault);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Defaults (what a user starts from):", run.Output);
        run.AssertRow("EU", "in every context", "Verbosity", "changed", "Balanced", "Detailed");
        run.AssertRow("US", "in every context", "Verbosity", "changed", "Balanced", "Detailed");
        run.AssertRow("DE within EU", "in every context", "Verbosity", "changed", "Balanced", "Detailed");
        run.AssertRow("US-CA within US", "in every context", "Verbosity", "changed", "Balanced", "Detailed");
        run.AssertRow("(none: every law)", "in every context", "Verbosity", "changed", "Balanced", "Detailed");
        Assert.Contains("5 changes, none widening.", run.Output);
    }

    [Fact]
    public void A_default_outside_what_the_old_version_allowed_is_a_widening()
    {
        var run = PacRun.Of("diff", policies.QuickStart, ToneDefault);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("EU", "in every context", "Tone", "widened", "Friendly", "Sarcastic");
        run.AssertRow("US", "in every context", "Tone", "widened", "Friendly", "Sarcastic");
        Assert.Contains("review required", run.Output);
    }

    [Fact]
    public void Json_names_the_fail_closed_jurisdiction_null_and_counts_contexts()
    {
        var run = PacRun.Of("diff", CombinedOld, CombinedNew, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var bounds = document.RootElement.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("section").GetString() == "bound").ToList();
        Assert.Equal(2, bounds.Count);
        Assert.Equal("UK", bounds[0].GetProperty("jurisdiction").GetString());
        Assert.Equal(JsonValueKind.Null, bounds[1].GetProperty("jurisdiction").ValueKind);

        // VerifiedAdult holds; RolePlay holds or is unknown.
        Assert.All(bounds, b => Assert.Equal(2, b.GetProperty("contexts").GetInt32()));
    }
}
