using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

[Collection(PolicyAssembliesCollection.Name)]
public sealed class CardAndSchemaTests(PolicyAssemblies policies)
{
    private static readonly string[] Dimensions =
        ["Maturity", "Tone", "Verbosity", "DiscloseAi", "MemoryDays", "Creativity", "Topics", "Language", "AvoidHazards"];

    [Fact]
    public void Card_in_markdown_has_every_jurisdiction_and_dimension()
    {
        var run = PacRun.Of("card", policies.QuickStart);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Error);
        Assert.Contains("QuickStart.Policies.LearnerPreferences", run.Output);
        Assert.Contains("## In EU", run.Output);
        Assert.Contains("## In US", run.Output);
        foreach (var dimension in Dimensions)
        {
            Assert.Contains("#### " + dimension + "\n", run.Output);
        }
    }

    [Fact]
    public void Card_matches_the_checked_in_snapshot_of_the_Documents_tests()
    {
        var expected = File.ReadAllText(Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Tests", "Documents", "Snapshots", "QuickStart.card.md"));

        var run = PacRun.Of("card", policies.QuickStart, "--format", "md");

        Assert.Equal(expected.ReplaceLineEndings("\n"), run.Output);
    }

    [Fact]
    public void Card_in_json_parses_and_can_be_limited_to_one_jurisdiction()
    {
        var all = PacRun.Of("card", policies.QuickStart, "--format", "json");
        var us = PacRun.Of("card", policies.QuickStart, "--format", "json", "--jurisdiction", "us");

        Assert.True(all.ExitCode == 0, all.ToString());
        using var document = JsonDocument.Parse(all.Output);
        var jurisdictions = document.RootElement.GetProperty("jurisdictions");
        Assert.Equal(["EU", "US", "DE", "US-CA"], jurisdictions.EnumerateArray().Select(j => j.GetProperty("jurisdiction").GetString()));
        Assert.Equal(Dimensions, jurisdictions[0].GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()));

        Assert.True(us.ExitCode == 0, us.ToString());
        using var usDocument = JsonDocument.Parse(us.Output);
        Assert.Equal(["US"], usDocument.RootElement.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetProperty("jurisdiction").GetString()));
    }

    [Theory]
    [InlineData("EU", "QuickStart.schema.EU.json")]
    [InlineData("US", "QuickStart.schema.US.json")]
    [InlineData(null, "QuickStart.schema.any.json")]
    public void Schema_is_the_preferences_schema_of_the_jurisdiction(string? jurisdiction, string snapshot)
    {
        var expected = File.ReadAllText(Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Tests", "Documents", "Snapshots", snapshot));

        var run = jurisdiction is null ? PacRun.Of("schema", policies.QuickStart) : PacRun.Of("schema", policies.QuickStart, "--jurisdiction", jurisdiction);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd('\n'), run.Output.TrimEnd('\n'));
    }

    [Fact]
    public void Schema_with_a_context_file_is_the_schema_for_the_facts_known()
    {
        var expected = File.ReadAllText(Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Tests", "Documents", "Snapshots", "QuickStart.schema.EU.minor.json"));
        var context = Path.Combine(policies.Folder, "schema-minor.json");
        File.WriteAllText(context, """{ "jurisdiction": "US", "facts": ["Minor"] }""");

        var run = PacRun.Of("schema", policies.QuickStart, "--context", context, "--jurisdiction", "EU");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd('\n'), run.Output.TrimEnd('\n'));
    }

    [Fact]
    public void Schema_equals_PreferencesSchema_of_the_loaded_registry()
    {
        using var loaded = LoadedPolicy.Load(policies.QuickStart, null);

        var run = PacRun.Of("schema", policies.QuickStart, "-j", "EU");

        Assert.Equal(Documents.PreferencesSchema.ToText(loaded.Registry, PolicyContext.In("EU")) + "\n", run.Output);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var run = PacRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("card", run.Output);
        Assert.Contains("schema", run.Output);
        Assert.Contains("diff", run.Output);
    }
}
