using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PolicyAsCode.Testing;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.TestKit;

/// <summary>
/// The test kit on the QuickStart policy: its case file passes against the compiled policy and the reference
/// interpreter, both report alike (also when cases fail), and the JSON and YAML formats read to the same cases.
/// </summary>
public sealed class TestKitCaseTests
{
    private const string QuickStartCases = "TestKit/quickstart.yaml";

    [Theory]
    [PolicyCases(QuickStartCases)]
    public void QuickStart_case_passes_against_the_compiled_policy(PolicyCase policyCase) =>
        PolicyCaseAssert.Passes<LearnerPreferences>(policyCase);

    [Theory]
    [PolicyCases(QuickStartCases)]
    public void QuickStart_case_passes_against_the_reference_interpreter(PolicyCase policyCase)
    {
        var result = PolicyCaseRunner.Run(LearnerPreferences.Registry, policyCase);

        Assert.True(result.Passed, result.Report());
    }

    [Fact]
    public void Compiled_policy_and_interpreter_give_the_same_report_and_coverage_for_passing_and_failing_cases()
    {
        var cases = PolicyCaseFile.Read(QuickStartCases).Concat(TestKitReportTests.FailingCases()).ToList();
        Assert.Contains(cases, c => !PolicyCaseRunner.Run<LearnerPreferences>(c).Passed);

        foreach (var c in cases)
        {
            var compiled = PolicyCaseRunner.Run<LearnerPreferences>(c);
            var interpreted = PolicyCaseRunner.Run(LearnerPreferences.Registry, c);
            Assert.Equal(compiled.Report(), interpreted.Report());
            Assert.Equal(compiled.Outcome, interpreted.Outcome);
        }

        var fromCompiled = PolicyCoverage.Of<LearnerPreferences>(cases);
        var fromInterpreter = new PolicyCoverage(LearnerPreferences.Registry);
        foreach (var c in cases)
        {
            fromInterpreter.Add(PolicyCaseRunner.Run(LearnerPreferences.Registry, c));
        }

        Assert.Equal(fromCompiled.Rules, fromInterpreter.Rules);
        Assert.Equal(fromCompiled.ToText(), fromInterpreter.ToText());
    }

    [Fact]
    public void Json_and_yaml_read_to_the_same_cases()
    {
        var yaml = PolicyCaseFile.Read(QuickStartCases);
        var json = PolicyCaseFile.Read("TestKit/quickstart.json");

        Assert.Equal(3, json.Count);
        for (var i = 0; i < json.Count; i++)
        {
            var (j, y) = (json[i], yaml[i]);
            Assert.Equal(y.Name, j.Name);
            Assert.Equal(y.Jurisdiction, j.Jurisdiction);
            Assert.Equal((y.Facts, y.Known), (j.Facts, j.Known));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(y.Preferences), JsonNode.Parse(j.Preferences)), $"{y.Preferences} vs {j.Preferences}");
            Assert.Equal(y.Expect.Effective, j.Expect.Effective);
            Assert.Equal(y.Expect.Adjustments, j.Expect.Adjustments);
            Assert.Equal(PolicyCaseRunner.Run<LearnerPreferences>(y).Outcome, PolicyCaseRunner.Run<LearnerPreferences>(j).Outcome);
        }

        Assert.Equal(["EU"], yaml.Take(3).Select(c => c.Jurisdiction).Distinct());
        Assert.Equal((Fact.Minor, Fact.Minor), (yaml[0].Facts, yaml[0].Known));
        Assert.Equal((Fact.None, Fact.Minor), (yaml[1].Facts, yaml[1].Known));
        Assert.Equal(5, yaml[0].Line);
        Assert.Equal(5, json[0].Line);
    }

    [Fact]
    public void Yaml_types_plain_scalars_as_json_does_and_keeps_quoted_ones_strings()
    {
        var cases = PolicyCaseFile.Parse("types.yaml", Encoding.UTF8.GetBytes("""
            cases:
              - name: typed
                jurisdiction: ~
                preferences: { discloseAi: false, memoryDays: 7, creativity: 0.25, language: "no", tone: 'Playful', topics: [] }
                expect: { effective: { memoryDays: 0 } }
            """));

        var c = Assert.Single(cases);
        Assert.Null(c.Jurisdiction);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"discloseAi":false,"memoryDays":7,"creativity":0.25,"language":"no","tone":"Playful","topics":[]}"""),
            JsonNode.Parse(c.Preferences)));
    }

    [Fact]
    public void A_folder_reads_every_case_file_in_it_in_name_order()
    {
        var cases = PolicyCaseFile.Read("TestKit");

        Assert.Equal(
            PolicyCaseFile.Read("TestKit/quickstart.json").Concat(PolicyCaseFile.Read(QuickStartCases)).Select(c => c.Name),
            cases.Select(c => c.Name));
        Assert.Equal("TestKit/quickstart.json", cases[0].File.Replace('\\', '/'));
    }
}
