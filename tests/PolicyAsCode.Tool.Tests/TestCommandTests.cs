using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// <c>pac test</c> on the QuickStart policy: the test kit's QuickStart cases pass (exit 0), a failing case prints what
/// differed (exit 1), <c>--coverage</c> lists the rules never exercised, and an unreadable or mismatched case file is
/// bad input (exit 2) naming the file, line and case, before any case runs.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class TestCommandTests(PolicyAssemblies policies)
{
    private static readonly string QuickStartCases = Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Tests", "Evaluation", "TestKit", "quickstart.yaml");

    private const string Failing = """
        jurisdiction: EU
        cases:
          - name: a minor gets teen content
            facts: [Minor]
            preferences: { maturity: Mature }
            expect: { effective: { maturity: Teen } }
          - name: a minor gets mature content
            facts: [Minor]
            preferences: { maturity: Mature }
            expect: { effective: { maturity: Mature } }
        """;

    private string File(string name, string text)
    {
        var folder = Path.Combine(policies.Folder, "cases-" + name.Split('.')[0]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Passing_cases_exit_0_with_a_line_each()
    {
        var run = PacRun.Of("test", policies.QuickStart, QuickStartCases);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.StartsWith("pac test: QuickStart.Policies.LearnerPreferences (QuickStart.dll): 12 cases from ", lines[0]);
        Assert.Equal(12, lines.Count(l => l.StartsWith("PASS ", System.StringComparison.Ordinal)));
        Assert.Contains($"PASS {QuickStartCases}:5 a minor in the EU gets at most teen content", lines);
        Assert.Contains("all 12 passed.", lines);
        Assert.DoesNotContain("coverage", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_failing_case_exits_1_with_what_differed_and_what_the_policy_did()
    {
        var cases = File("failing.yaml", Failing);

        var run = PacRun.Of("test", policies.QuickStart, cases);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Contains($"PASS {cases}:3 a minor gets teen content", lines);
        var fail = System.Array.IndexOf(lines, $"FAIL {cases}:7 a minor gets mature content");
        Assert.True(fail > 0, run.ToString());
        Assert.Equal("  - effective maturity: expected \"Mature\", got \"Teen\"", lines[fail + 1]);
        Assert.Equal("    request: in EU; holds: Minor; preferences {\"maturity\":\"Mature\"}", lines[fail + 2]);
        Assert.StartsWith("    adjustment: Maturity: asked Mature, granted Teen by law of EU's AtMost(Maturity.Teen) (when Minor): minors get at most teen content", lines[fail + 3]);
        Assert.Contains("1 passed, 1 failed.", lines);
    }

    [Fact]
    public void Coverage_lists_every_rule_never_exercised_and_none_that_was()
    {
        var run = PacRun.Of("test", policies.QuickStart, QuickStartCases, "--coverage");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("coverage: 14 of 25 rules exercised (56.0%) by 12 cases: bounds 10 of 18, waivers 1 of 1, hazard rules 3 of 6.\nNever exercised:\n", run.Output);
        var table = run.Output[run.Output.IndexOf("Never exercised:\n", System.StringComparison.Ordinal)..].Split('\n').Skip(3).Where(l => l.Length > 0).ToList();
        Assert.Equal(11, table.Count);
        run.AssertRow("bound", "law of EU", "Maturity AtMost(Maturity.Mature)");
        run.AssertRow("bound", "law of US-CA within US", "DiscloseAi Locked(true)");
        run.AssertRow("bound", "user tier LearnerPreferences", "MemoryDays Between(0, 365)");
        run.AssertRow("hazard rule", "law of US", "refuses SexualContent (when Minor)");
        Assert.DoesNotContain(run.Rows, r => r.SequenceEqual(["bound", "law of DE within EU", "MemoryDays Locked(0) (when Minor)"]));
        Assert.DoesNotContain(run.Rows, r => r.SequenceEqual(["hazard rule", "law of EU", "refuses SexualContent (when Minor)"]));
    }

    [Fact]
    public void Several_files_and_folders_are_run_together_and_covered_together()
    {
        var failing = File("two.yaml", Failing);

        var run = PacRun.Of("test", policies.QuickStart, Path.GetDirectoryName(failing)!, QuickStartCases, "--coverage");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("14 cases from ", run.Output);
        Assert.Contains("13 passed, 1 failed.", run.Output);
        Assert.Contains("by 14 cases", run.Output);
    }

    [Theory]
    [InlineData("malformed.yaml", "cases:\n  - name: a\n    expect: { effective: { tone: Neutral } }\n   - name: b\n", ":4: malformed YAML: ")]
    [InlineData("field.json", "{ \"cases\": [ {\n  \"name\": \"a\",\n  \"expect\": { \"efective\": {} } } ] }", ":3: case \"a\": $.cases[0].expect.efective: not a field here")]
    [InlineData("dimension.yaml", "jurisdiction: EU\ncases:\n  - name: ok\n    expect: { effective: { tone: Friendly } }\n  - name: typo\n    expect: { effective: { tone: Friendly, maturty: Teen } }\n", ":6: case \"typo\": $.cases[1].expect.effective.maturty: \"maturty\" names no dimension of QuickStart.Policies.LearnerPreferences")]
    [InlineData("jurisdiction.yaml", "cases:\n  - name: fr\n    jurisdiction: FR\n    expect: { effective: { tone: Friendly } }\n", ":3: case \"fr\": $.cases[0].jurisdiction: unknown jurisdiction FR")]
    public void An_unreadable_case_file_exits_2_naming_file_line_and_case_and_runs_nothing(string name, string text, string message)
    {
        var cases = File(name, text);

        var run = PacRun.Of("test", policies.QuickStart, cases);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"pac: unreadable case file: {cases}{message}", run.Error);
        Assert.Equal(1, run.Error.Count(c => c == '\n'));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_missing_case_file_is_bad_input()
    {
        var run = PacRun.Of("test", policies.QuickStart, Path.Combine(policies.Folder, "none.yaml"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"pac: unreadable case file: {Path.Combine(policies.Folder, "none.yaml")}: no such file\n", run.Error);
    }

    [Fact]
    public void Without_a_case_file_the_command_line_is_bad_input()
    {
        var run = PacRun.Of("test", policies.QuickStart);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("pac: ", run.Error);
    }
}
