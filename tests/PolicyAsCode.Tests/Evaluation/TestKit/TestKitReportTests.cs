using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyAsCode.Testing;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.TestKit;

/// <summary>
/// A failing case says what differed, line by line, with the runtime's own explanation of what it did instead; a
/// passing case says nothing more. Expected explanations are taken from the compiled policy's own resolution.
/// </summary>
public sealed class TestKitReportTests
{
    private const string Failing = """
        jurisdiction: EU
        cases:
          - name: wrong value and tier
            facts: [Minor]
            preferences: { maturity: Mature }
            expect:
              effective: { maturity: General }
              adjustments:
                - { dimension: maturity, cause: waived, tier: organisation contoso-learning, bound: AtMost(Maturity.Teen) }

          - name: a typo in the preferences
            known: [Minor]
            preferences: { maturty: Mature, memoryDays: 7 }
            expect:
              adjustments: []

          - name: an adjustment that does not happen
            known: [Minor]
            preferences: { tone: Playful }
            expect:
              adjustments:
                - { dimension: tone, cause: clamped }

          - name: the wrong refusal
            facts: [Minor]
            hazards: [SexualContent, Elections]
            expect:
              decision: { allowed: false, tier: organisation contoso-learning, hazards: [Elections] }

          - name: refused, not allowed
            facts: [Minor]
            hazards: [SexualContent]
            expect:
              decision: { allowed: true }

          - name: an expected preference error that is not there
            preferences: { tone: Playful }
            expect:
              errors: [$.tone]
        """;

    public static IReadOnlyList<PolicyCase> FailingCases() => PolicyCaseFile.Parse("failing.yaml", Encoding.UTF8.GetBytes(Failing));

    [Fact]
    public void A_wrong_value_and_tier_are_each_a_line_and_what_matched_is_not()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[0]);
        var explained = Explain(new LearnerPreferences { Maturity = Maturity.Mature }, PolicyContext.In("EU").With(Fact.Minor, true), "Maturity");

        Assert.False(result.Passed);
        Assert.Equal(
            [
                "effective maturity: expected \"General\", got \"Teen\"",
                $"adjustment of maturity: expected cause waived, got clamped ({explained})",
                $"adjustment of maturity: expected tier organisation contoso-learning, got law of EU ({explained})",
            ],
            result.Differences);
        Assert.StartsWith("FAIL failing.yaml:3 wrong value and tier\n  - effective maturity: expected \"General\", got \"Teen\"\n", result.Report());
        Assert.Contains("    request: in EU; holds: Minor; preferences {\"maturity\":\"Mature\"}\n", result.Report());
        Assert.Contains($"    adjustment: {explained}\n", result.Report());
    }

    [Fact]
    public void A_misspelt_preference_and_an_unexpected_adjustment_fail_the_case()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[1]);
        var context = PolicyContext.In("EU").With(Fact.Minor, false);
        var read = LearnerPreferences.ReadPreferences("""{"maturty":"Mature","memoryDays":7}"""u8, context);

        Assert.Equal(
            [
                "preference error not expected: " + Assert.Single(read.Errors),
                "adjustment of memoryDays not expected: " + Explain(new LearnerPreferences { MemoryDays = 7 }, context, "MemoryDays"),
            ],
            result.Differences);
        Assert.StartsWith("preference error not expected: $.maturty: UnknownProperty: ", result.Differences[0]);
    }

    [Fact]
    public void An_expected_adjustment_that_does_not_happen_names_the_value_granted_as_asked()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[2]);

        Assert.Equal(["adjustment of tone: expected clamped, but tone was granted as asked (\"Playful\")"], result.Differences);
    }

    [Fact]
    public void A_refusal_by_another_tier_for_other_hazards_says_which_and_why()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[3]);
        var context = PolicyContext.In("EU").With(Fact.Minor, true);
        var decision = LearnerPreferences.Decide(LearnerPreferences.Resolve(new LearnerPreferences(), context, default), Hazard.SexualContent | Hazard.Elections);

        Assert.Equal(
            [
                $"decision: expected refused by organisation contoso-learning, got refused by law of EU ({decision.Explain()})",
                $"decision: expected refused for Elections, got refused for SexualContent ({decision.Explain()})",
            ],
            result.Differences);
        Assert.Contains(
            $"    decision on SexualContent | Elections: {decision.Explain()} (law of EU: refuses SexualContent (when Minor))\n",
            result.Report());
    }

    [Fact]
    public void A_refusal_where_content_was_expected_to_be_allowed_is_one_line()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[4]);
        var context = PolicyContext.In("EU").With(Fact.Minor, true);
        var decision = LearnerPreferences.Decide(LearnerPreferences.Resolve(new LearnerPreferences(), context, default), Hazard.SexualContent);

        Assert.StartsWith("refused: law of EU forbids SexualContent", decision.Explain());
        Assert.Equal([$"decision: expected allowed, got {decision.Explain()}"], result.Differences);
    }

    [Fact]
    public void An_expected_preference_error_that_is_not_there_fails_the_case()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(FailingCases()[5]);

        Assert.Equal(["preference error at $.tone expected, but there is none there"], result.Differences);
    }

    [Fact]
    public void A_passing_case_reports_one_line()
    {
        var result = PolicyCaseRunner.Run<LearnerPreferences>(PolicyCaseFile.Read("TestKit/quickstart.yaml")[0]);

        Assert.True(result.Passed);
        Assert.Empty(result.Differences);
        Assert.Equal("PASS TestKit/quickstart.yaml:5 a minor in the EU gets at most teen content\n", result.Report().Replace('\\', '/'));
    }

    [Fact]
    public void PolicyCaseAssert_fails_with_the_report()
    {
        var c = FailingCases()[0];

        var failure = Assert.Throws<PolicyCaseFailedException>(() => PolicyCaseAssert.Passes<LearnerPreferences>(c));

        Assert.Equal(PolicyCaseRunner.Run<LearnerPreferences>(c).Report(), failure.Message);
    }

    private static string Explain(LearnerPreferences asked, PolicyContext context, string dimension) =>
        LearnerPreferences.Resolve(asked, context, default).Adjustments.Single(a => a.Dimension.Name == dimension).Explain();
}
