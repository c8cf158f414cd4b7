using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>
/// PAC0021's fix (When of several facts becomes WhenAll, Unless becomes UnlessAll) and PAC0022's (When and WhenAll
/// become one WhenAll). Neither changes which facts the condition names, so neither changes what the policy means:
/// each fixed policy has no diagnostic left, its condition now reading as it always meant.
/// </summary>
public class ConditionFixTests
{
    private static string Policy(string maturityBound, string hazardRule = "", string waiver = "") => $$"""
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        {{hazardRule}}
        public partial record EuLaw
        {
            {{maturityBound}}
            public Maturity Maturity { get; init; }

            [Locked(true, WaivableBy = TierRank.User)]
            public bool DiscloseAi { get; init; }
        }

        [UserTier(Within = [typeof(EuLaw)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }

            [Mitigates(Risk.Anthropomorphism)]
            {{waiver}}
            public bool DiscloseAi { get; init; } = true;
        }
        """;

    [Fact]
    public async Task When_of_two_facts_becomes_WhenAll_and_nothing_else_changes()
    {
        await Verify.CodeFixAsync<UseAllOfFactsFix>(
            Policy("[AtMost(Maturity.Teen, {|PAC0021:When = Fact.Minor | Fact.RolePlay|}, Reason = \"no mature role-play for minors\")]"),
            Policy("[AtMost(Maturity.Teen, WhenAll = Fact.Minor | Fact.RolePlay, Reason = \"no mature role-play for minors\")]"));
    }

    [Fact]
    public async Task Unless_of_two_facts_on_a_hazard_rule_becomes_UnlessAll()
    {
        await Verify.CodeFixAsync<UseAllOfFactsFix>(
            Policy("[AtMost(Maturity.Teen)]", "[Forbid(Hazard.Hate, {|PAC0021:Unless = Fact.VerifiedAdult | Fact.Professional|})]"),
            Policy("[AtMost(Maturity.Teen)]", "[Forbid(Hazard.Hate, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]"));
    }

    [Fact]
    public async Task A_waiver_of_two_facts_becomes_WhenAll_keeping_a_constant_as_written()
    {
        const string constants = "\npublic static class Conditions { public const Fact AdultRolePlay = Fact.VerifiedAdult | Fact.RolePlay; }\n";
        await Verify.CodeFixAsync<UseAllOfFactsFix>(
            Policy("[AtMost(Maturity.Teen)]", waiver: "[Waives(typeof(EuLaw), {|PAC0021:When = Conditions.AdultRolePlay|})]") + constants,
            Policy("[AtMost(Maturity.Teen)]", waiver: "[Waives(typeof(EuLaw), WhenAll = Conditions.AdultRolePlay)]") + constants);
    }

    [Fact]
    public async Task Fix_all_rewrites_both_sides_of_a_bound_and_every_rule_of_the_document()
    {
        var source = Policy(
            "[AtMost(Maturity.Teen, {|PAC0021:When = Fact.Minor | Fact.Vulnerable|}, {|PAC0021:Unless = Fact.VerifiedAdult | Fact.Professional|})]",
            "[Forbid(Hazard.Hate, {|PAC0021:When = Fact.Minor | Fact.RolePlay|})]");
        var fixedSource = Policy(
            "[AtMost(Maturity.Teen, WhenAll = Fact.Minor | Fact.Vulnerable, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]",
            "[Forbid(Hazard.Hate, WhenAll = Fact.Minor | Fact.RolePlay)]");

        await Verify.CodeFixAsync<UseAllOfFactsFix>([source], [fixedSource], [], [], test =>
        {
            test.NumberOfFixAllIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 1;
        });
    }

    [Fact]
    public async Task When_and_WhenAll_merge_into_one_WhenAll_naming_every_fact()
    {
        await Verify.CodeFixAsync<MergeConditionFix>(
            Policy("[AtMost(Maturity.Teen, {|PAC0022:When = Fact.Minor|}, WhenAll = Fact.RolePlay | Fact.Vulnerable, Reason = \"r\")]"),
            Policy("[AtMost(Maturity.Teen, WhenAll = Fact.Minor | Fact.RolePlay | Fact.Vulnerable, Reason = \"r\")]"));
    }

    [Fact]
    public async Task Unless_written_last_merges_into_the_UnlessAll_before_it()
    {
        await Verify.CodeFixAsync<MergeConditionFix>(
            Policy("[AtMost(Maturity.Teen)]", "[Forbid(Hazard.Hate, UnlessAll = Fact.VerifiedAdult, {|PAC0022:Unless = Fact.Professional|})]"),
            Policy("[AtMost(Maturity.Teen)]", "[Forbid(Hazard.Hate, UnlessAll = Fact.Professional | Fact.VerifiedAdult)]"));
    }

    [Fact]
    public async Task An_operand_that_binds_looser_than_the_bar_is_kept_whole_in_parentheses()
    {
        // "true ? Fact.Minor : Fact.None | Fact.RolePlay" would regroup the facts; the merge keeps each side whole.
        await Verify.CodeFixAsync<MergeConditionFix>(
            Policy("[AtMost(Maturity.Teen)]", waiver: "[Waives(typeof(EuLaw), {|PAC0022:When = true ? Fact.VerifiedAdult : Fact.None|}, WhenAll = Fact.RolePlay)]"),
            Policy("[AtMost(Maturity.Teen)]", waiver: "[Waives(typeof(EuLaw), WhenAll = (true ? Fact.VerifiedAdult : Fact.None) | Fact.RolePlay)]"));
    }
}
