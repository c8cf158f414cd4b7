using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

[Collection(PolicyAssembliesCollection.Name)]
public sealed class ResolveTests(PolicyAssemblies policies)
{
    private const string Prefs = """
        { "maturity": "Mature", "tone": "Snarky", "memoryDays": 30, "discloseAi": false, "topics": ["Science", "Romance"], "colour": "blue" }
        """;

    private string File(string name, string text)
    {
        var path = Path.Combine(policies.Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Lists_the_errors_of_the_document_with_their_paths()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("errors.json", Prefs), "--context", File("eu-minor.json", """{ "jurisdiction": "EU", "facts": ["Minor"] }"""));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in EU; holds: Minor", run.Output);
        run.AssertRow("$.tone", "OutsideDomain", "tone: \"Snarky\" must be one of \"Neutral\", \"Friendly\", \"Playful\", \"Sarcastic\".");
        run.AssertRow("$.colour", "UnknownProperty", "\"colour\" names no dimension; it is ignored.");
    }

    [Fact]
    public void Prints_requested_granted_cause_bound_and_tier_per_dimension()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("errors2.json", Prefs), "--context", File("eu-minor2.json", """{ "jurisdiction": "EU", "facts": ["Minor"], "known": ["Minor", "RolePlay"] }"""));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Maturity", "Mature", "Teen", "clamped", "AtMost(Maturity.Teen) (when Minor)", "law of EU"], run.Row("Maturity"));
        Assert.Equal(["Tone", "(unreadable)", "Neutral", "failed closed", "AtMost(Tone.Playful)", "organisation contoso-learning"], run.Row("Tone"));
        Assert.Equal(["MemoryDays", "30", "0", "clamped", "Locked(0) (unless ConsentsToMemory)", "law of EU"], run.Row("MemoryDays"));
        Assert.Equal(["DiscloseAi", "false", "true", "clamped", "Locked(true)", "law of EU"], run.Row("DiscloseAi"));
        Assert.Equal(["Verbosity", "Balanced", "Balanced", "as asked"], run.Row("Verbosity"));
        Assert.Contains("Content refused: ", run.Output);
        Assert.Contains("SexualContent (S12)", run.Output);
    }

    [Fact]
    public void A_known_role_play_lets_the_user_waive_disclosure()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("roleplay.json", """{ "discloseAi": false }"""), "--context", File("eu-roleplay.json", """{ "jurisdiction": "EU", "facts": ["RolePlay"] }"""));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no errors", run.Output);
        Assert.Equal(["DiscloseAi", "false", "false", "waived", "Locked(true)", "law of EU"], run.Row("DiscloseAi"));
    }

    [Fact]
    public void Without_a_context_every_law_applies_and_nothing_is_known()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("empty.json", "{}"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no jurisdiction (every law applies); no fact known", run.Output);
    }

    [Fact]
    public void Missing_prefs_file_is_bad_input()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", Path.Combine(policies.Folder, "absent.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.json: no such preferences file", run.Error);
    }

    [Theory]
    [InlineData("{ \"jurisdiction\": ", "not valid JSON")]
    [InlineData("[\"EU\"]", "must be an object")]
    [InlineData("{ \"jurisdiction\": \"EU\", \"facts\": [\"Teenager\"] }", "not a fact")]
    [InlineData("{ \"jurisdiction\": \"EU\", \"fact\": [\"Minor\"] }", "unknown field \"fact\"")]
    [InlineData("{ \"jurisdiction\": 7 }", "must be a string")]
    public void Malformed_context_file_is_bad_input(string text, string message)
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("p.json", "{}"), "--context", File("bad-context.json", text));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("bad-context.json: unreadable context file", run.Error);
        Assert.Contains(message, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("{ \"maturity\": ", "The document is not well-formed JSON")]
    [InlineData("", "The document is not well-formed JSON: The input does not contain any JSON tokens")]
    [InlineData("[\"Mature\"]", "not an object")]
    [InlineData("{ \"maturity\": \"Mature\" } {}", "is invalid after a single JSON value")]
    public void Malformed_prefs_file_is_bad_input_like_a_malformed_context_file(string text, string message)
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("bad-prefs.json", text), "-j", "EU");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("bad-prefs.json: unreadable preferences file: ", run.Error);
        Assert.Contains(message, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Errors_inside_a_well_formed_prefs_file_are_reported_not_fatal()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("wrong-type.json", """{ "maturity": 7, "maturity": "Teen" }"""), "-j", "EU");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Maturity", "(unreadable)", "General", "failed closed"], run.Row("Maturity")[..4]);
    }

    [Fact]
    public void Jurisdiction_option_names_the_request_jurisdiction_over_the_context_file()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("j.json", """{ "memoryDays": 30 }"""), "--context", File("us-minor.json", """{ "jurisdiction": "US", "facts": ["Minor", "ConsentsToMemory"] }"""), "--jurisdiction", "DE");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in DE within EU; holds: Minor, ConsentsToMemory", run.Output);
        Assert.Equal(["MemoryDays", "30", "0", "clamped", "Locked(0) (when Minor)", "law of DE within EU"], run.Row("MemoryDays"));
    }

    [Fact]
    public void Unknown_jurisdiction_in_the_context_lists_the_known_ones()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("p2.json", "{}"), "--context", File("fr.json", """{ "jurisdiction": "FR" }"""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown jurisdiction FR", run.Error);
        Assert.Contains("EU, US", run.Error);
    }

    [Fact]
    public void Prefs_option_is_required() =>
        Assert.Equal(2, PacRun.Of("resolve", policies.QuickStart).ExitCode);
}
