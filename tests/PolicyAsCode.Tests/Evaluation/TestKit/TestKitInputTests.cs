using System.Text;
using PolicyAsCode.Testing;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.TestKit;

/// <summary>
/// An unreadable case file, or a case about something the policy does not have, is refused with the file, the line,
/// the case and the reason, never run as if it were an expectation.
/// </summary>
public sealed class TestKitInputTests
{
    [Theory]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expcet: { effective: { tone: Neutral } }\n", "cases.yaml:3: case \"a\": $.cases[0].expcet: not a field here; the fields are name, description, jurisdiction, facts, known, preferences, hazards, expect")]
    [InlineData("cases.json", "{ \"cases\": [\n { \"name\": \"a\",\n \"expect\": { \"effective\": { \"tone\": \"Neutral\" } } }\n ]\n , }", "cases.json:5: malformed JSON: ")]
    [InlineData("cases.json", "{ \"cases\": [ { \"name\": \"a\",\n \"name\": \"b\", \"expect\": {} } ] }", "cases.json:2: $.cases[0].name: given twice")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { effective: { tone: Neutral } }\n   - name: b\n", "cases.yaml:4: malformed YAML: ")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { effective: { memoryDays: +5 } }\n", "cases.yaml:3: $.cases[0].expect.effective.memoryDays: +5 is not a number as JSON writes it (write 5, or quote it for a string)")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { effective: { tone: Neutral } }\n  - description: no name\n    expect: {}\n", "cases.yaml:4: $.cases[1].name: case 2 has no name (a non-empty string)")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    facts: [Minor, Adult]\n    expect: { effective: { tone: Neutral } }\n", "cases.yaml:3: case \"a\": $.cases[0].facts[1]: \"Adult\" is not a fact; facts are Minor, ConsentsToMemory, VerifiedAdult, RolePlay, Vulnerable, Professional, ConsentsToFeedbackTraining, Custom1, Custom2, Custom3, Custom4")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: {}\n", "cases.yaml:3: case \"a\": $.cases[0].expect: expects nothing; give effective values, adjustments, a decision or preference errors")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { adjustments: [ { dimension: tone, cause: capped } ] }\n", "cases.yaml:3: case \"a\": $.cases[0].expect.adjustments[0].cause: \"capped\" is not a cause; causes are \"clamped\", \"waived\", \"failed closed\", \"contradiction\"")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { decision: { allowed: true, tier: law of EU } }\n", "cases.yaml:3: case \"a\": $.cases[0].expect.decision: an allowed decision has no refusing tier or rule")]
    [InlineData("cases.yaml", "cases:\n  - name: a\n    expect: { errors: [$.x] }\n  - name: a\n    expect: { errors: [$.x] }\n", "cases.yaml:4: case \"a\": $.cases[1].name: another case has this name; names must be unique in a file")]
    [InlineData("cases.yaml", "", "cases.yaml:1: the file is empty; a case file is a mapping with a \"cases\" list")]
    [InlineData("cases.txt", "cases: []", "cases.txt: not a case file: the name ends in none of .json, .yaml, .yml")]
    public void An_unreadable_case_file_names_the_line_the_case_and_why(string file, string text, string message)
    {
        var error = Assert.Throws<PolicyCaseException>(() => PolicyCaseFile.Parse(file, Encoding.UTF8.GetBytes(text)));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(error.Message, $"{error.File}{(error.Line > 0 ? ":" + error.Line : string.Empty)}: {(error.CaseName is null ? string.Empty : $"case \"{error.CaseName}\": ")}{error.Reason}");
    }

    [Theory]
    [InlineData("jurisdiction: FR\n", "{ effective: { tone: Neutral } }", "cases.yaml:4: case \"a\": $.cases[0].jurisdiction: unknown jurisdiction FR; the policy QuickStart.Policies.LearnerPreferences knows: EU, US, DE within EU, US-CA within US. A request naming any other jurisdiction applies every law at once: write null for that.")]
    [InlineData("", "{ effective: { maturty: Teen } }", "cases.yaml:4: case \"a\": $.cases[0].expect.effective.maturty: \"maturty\" names no dimension of QuickStart.Policies.LearnerPreferences; dimensions are maturity, tone, verbosity, discloseAi, memoryDays, creativity, topics, language, avoidHazards")]
    [InlineData("", "{ effective: { maturity: Extreme } }", "cases.yaml:4: case \"a\": $.cases[0].expect.effective.maturity: not a value of Maturity: ")]
    [InlineData("", "{ adjustments: [ { dimension: maturity, tier: law of FR } ] }", "cases.yaml:4: case \"a\": $.cases[0].expect.adjustments[0].tier: \"law of FR\" names no tier; the tiers are law of EU, law of US, law of DE within EU, law of US-CA within US, organisation contoso-learning, user tier LearnerPreferences")]
    [InlineData("", "{ adjustments: [ { dimension: maturity, tier: law of US, bound: Locked(0) } ] }", "cases.yaml:4: case \"a\": $.cases[0].expect.adjustments[0].bound: Locked(0) is no bound law of US sets on Maturity; there are: AtMost(Maturity.Teen)")]
    [InlineData("", "{ decision: { allowed: false, rule: refuses Hate } }", "cases.yaml:4: case \"a\": $.cases[0].expect.decision.rule: \"refuses Hate\" is no hazard rule of the policy; there are: ")]
    [InlineData("hazards: [Gossip]\n", "{ decision: { allowed: true } }", "cases.yaml:4: case \"a\": $.cases[0].hazards[0]: \"Gossip\" is not a hazard; hazards are ViolentCrimes, ")]
    public void A_case_about_what_the_policy_does_not_have_is_refused_before_it_runs(string field, string expect, string message)
    {
        var text = "jurisdiction: EU\ncases:\n  - name: a\n" + (field.Length > 0 ? "    " + field : string.Empty) + "    expect: " + expect + "\n";
        var c = Assert.Single(PolicyCaseFile.Parse("cases.yaml", Encoding.UTF8.GetBytes(text)));

        var compiled = Assert.Throws<PolicyCaseException>(() => PolicyCaseRunner.Run<LearnerPreferences>(c));
        var interpreted = Assert.Throws<PolicyCaseException>(() => PolicyCaseRunner.Run(LearnerPreferences.Registry, c));
        var checkedOnly = Assert.Throws<PolicyCaseException>(() => PolicyCaseRunner.Check(LearnerPreferences.Registry, c));

        Assert.StartsWith(message, compiled.Message);
        Assert.Equal(compiled.Message, interpreted.Message);
        Assert.Equal(compiled.Message, checkedOnly.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<PolicyCaseException>(() => PolicyCaseFile.Read("TestKit/no-such-cases.yaml"));

        Assert.Equal("TestKit/no-such-cases.yaml: no such file", error.Message);
    }
}
