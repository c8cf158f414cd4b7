using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// Issue 15: conditions read as they mean. PAC0021: <c>When</c> or <c>Unless</c> names several facts, where
/// <c>|</c> reads as "or" while all must hold (written <c>WhenAll</c>, <c>UnlessAll</c>). PAC0022: one side of a
/// condition is written twice. Both are reported on the named argument, where the code fixes act.
/// </summary>
public class Pac0021To0022ConditionTests
{
    private static string Policy(string law, string org = "", string prefs = "", string header = "") => $$"""
        using PolicyAsCode;

        namespace Demo;
        {{header}}
        [ImmutableTier("EU")]
        {{law}}

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        {{(org.Length == 0 ? "public partial record Acme;" : org)}}

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }

            [Mitigates(Risk.Anthropomorphism)]
            {{(prefs.Length == 0 ? "" : prefs + "\n    ")}}public bool DiscloseAi { get; init; } = true;
        }
        """;

    private static string Law(string maturityBound, string disclose = "[Locked(true, WaivableBy = TierRank.User)]") => $$"""
        public partial record EuLaw
        {
            {{maturityBound}}
            public Maturity Maturity { get; init; }

            {{disclose}}
            public bool DiscloseAi { get; init; }
        }
        """;

    [Fact]
    public async Task A_bound_whose_When_names_two_facts_is_reported_at_the_argument()
    {
        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen, {|#0:When = Fact.Minor | Fact.RolePlay|}, Reason = \"no mature role-play for minors\")]")),
            Verify.Diagnostic("PAC0021").WithLocation(0)
                .WithMessage("EuLaw's AtMost(Maturity.Teen) on Maturity names several facts in When (Minor and RolePlay), where '|' reads as 'or', but all must hold: write WhenAll = Fact.Minor | Fact.RolePlay"));
    }

    [Fact]
    public async Task An_organisation_bound_whose_Unless_names_two_facts_is_reported()
    {
        const string org = """
            public partial record Acme
            {
                [AtMost(Maturity.General, {|#0:Unless = Fact.VerifiedAdult | Fact.Professional|})]
                public Maturity Maturity { get; init; }
            }
            """;

        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen)]"), org),
            Verify.Diagnostic("PAC0021").WithLocation(0)
                .WithMessage("Acme's AtMost(Maturity.General) on Maturity names several facts in Unless (VerifiedAdult and Professional), where '|' reads as 'or', but it is off only once all are known to hold: write UnlessAll = Fact.VerifiedAdult | Fact.Professional"));
    }

    [Fact]
    public async Task Both_sides_of_one_bound_naming_several_facts_are_each_reported()
    {
        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen, {|#0:When = Fact.Minor | Fact.Vulnerable|}, {|#1:Unless = Fact.VerifiedAdult | Fact.Professional|})]")),
            Verify.Diagnostic("PAC0021").WithLocation(0)
                .WithMessage("EuLaw's AtMost(Maturity.Teen) on Maturity names several facts in When (Minor and Vulnerable), where '|' reads as 'or', but all must hold: write WhenAll = Fact.Minor | Fact.Vulnerable"),
            Verify.Diagnostic("PAC0021").WithLocation(1)
                .WithMessage("EuLaw's AtMost(Maturity.Teen) on Maturity names several facts in Unless (VerifiedAdult and Professional), where '|' reads as 'or', but it is off only once all are known to hold: write UnlessAll = Fact.VerifiedAdult | Fact.Professional"));
    }

    [Fact]
    public async Task A_hazard_rule_whose_When_is_a_constant_of_two_facts_is_reported_as_written()
    {
        // However the facts are combined, a value of two facts is "all of" them: a constant hides the '|', not the meaning.
        const string header = """

            public static class Conditions
            {
                public const Fact MinorInRolePlay = Fact.Minor | Fact.RolePlay;
            }

            [Forbid(Hazard.Hate, {|#0:When = Conditions.MinorInRolePlay|})]
            """;

        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen)]"), header: header),
            Verify.Diagnostic("PAC0021").WithLocation(0)
                .WithMessage("EuLaw's Forbid(Hazard.Hate) names several facts in When (Minor and RolePlay), where '|' reads as 'or', but all must hold: write WhenAll = Conditions.MinorInRolePlay"));
    }

    [Fact]
    public async Task A_waiver_whose_When_names_two_facts_is_reported()
    {
        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen)]"), prefs: "[Waives(typeof(EuLaw), {|#0:When = Fact.RolePlay | Fact.VerifiedAdult|})]"),
            Verify.Diagnostic("PAC0021").WithLocation(0)
                .WithMessage("Prefs's Waives(typeof(EuLaw)) on DiscloseAi names several facts in When (VerifiedAdult and RolePlay), where '|' reads as 'or', but all must hold: write WhenAll = Fact.RolePlay | Fact.VerifiedAdult"));
    }

    [Fact]
    public async Task WhenAll_UnlessAll_and_one_fact_in_When_or_Unless_are_not_reported()
    {
        const string header = """

            [Forbid(Hazard.Hate, When = Fact.Minor)]
            [Forbid(Hazard.Elections, WhenAll = Fact.Minor | Fact.RolePlay, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]
            [Forbid(Hazard.Privacy, WhenAll = Fact.Vulnerable, Unless = Fact.Professional)]
            """;

        await Verify.AnalyzerAsync(
            Policy(
                Law("[AtMost(Maturity.Teen, WhenAll = Fact.Minor | Fact.RolePlay)] [AtMost(Maturity.Mature, When = Fact.Minor)] [AtMost(Maturity.Mature, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]"),
                prefs: "[Waives(typeof(EuLaw), WhenAll = Fact.RolePlay | Fact.VerifiedAdult)]",
                header: header));
    }

    [Fact]
    public async Task A_bound_that_sets_When_and_WhenAll_is_PAC0022_naming_the_merged_condition()
    {
        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen, {|#0:When = Fact.Minor|}, WhenAll = Fact.RolePlay | Fact.Vulnerable)]")),
            Verify.Diagnostic("PAC0022").WithLocation(0)
                .WithMessage("EuLaw's AtMost(Maturity.Teen) on Maturity sets both When and WhenAll: name every fact in WhenAll alone (WhenAll = Fact.Minor | Fact.RolePlay | Fact.Vulnerable)"));
    }

    [Fact]
    public async Task A_hazard_rule_that_sets_Unless_and_UnlessAll_is_PAC0022_even_when_one_names_no_fact()
    {
        // Fact.None in one of them still says the side twice: which of the two was meant is the reader's guess.
        const string header = """

            [Forbid(Hazard.Hate, UnlessAll = Fact.VerifiedAdult | Fact.Professional, {|#0:Unless = Fact.None|})]
            """;

        await Verify.AnalyzerAsync(
            Policy(Law("[AtMost(Maturity.Teen)]"), header: header),
            Verify.Diagnostic("PAC0022").WithLocation(0)
                .WithMessage("EuLaw's Forbid(Hazard.Hate) sets both Unless and UnlessAll: name every fact in UnlessAll alone (UnlessAll = Fact.VerifiedAdult | Fact.Professional)"));
    }
}
