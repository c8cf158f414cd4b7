using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// pac on the QuickStart's nested laws (DE within EU, US-CA within US): --jurisdiction (-j) of a nested jurisdiction
/// shows every level that applies there, each named with its chain, in card, schema and resolve; diff names the chain.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class NestedJurisdictionTests(PolicyAssemblies policies)
{
    /// <summary>DE no longer sits within the EU: EU law stops applying there.</summary>
    private string DeOnItsOwn => policies.Edited("DeOnItsOwn", "DeLaw.cs", "[ImmutableTier(\"DE\", Within = [typeof(EuLaw)])]", "[ImmutableTier(\"DE\")]");

    private static string Snapshot(string name) =>
        System.IO.File.ReadAllText(Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Tests", "Documents", "Snapshots", name)).ReplaceLineEndings("\n");

    private string File(string name, string text)
    {
        var path = Path.Combine(policies.Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Card_of_DE_shows_EU_law_and_DE_law_each_naming_its_level()
    {
        var run = PacRun.Of("card", policies.QuickStart, "--jurisdiction", "DE");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Snapshot("QuickStart.card.DE.md"), run.Output);
        Assert.Contains("## In DE within EU\n", run.Output);
        Assert.Contains("DE is within EU: a request in DE applies the law of EU and the law of DE within EU.", run.Output);
        Assert.Contains("1. Law of EU: `Between(0, 30)` allows from 0 to 30.", run.Output);
        Assert.Contains("3. Law of DE within EU, when the user is a minor: `Locked(0)` allows exactly 0.", run.Output);
        Assert.Contains("may waive the law of EU's `Locked(true)` on DiscloseAi", run.Output); // EU's delegation holds in DE
        Assert.DoesNotContain("## In EU\n", run.Output);
        Assert.DoesNotContain("law of US", run.Output);
    }

    [Fact]
    public void Card_of_DE_in_json_with_the_short_option_lists_within_and_laws()
    {
        var run = PacRun.Of("card", policies.QuickStart, "-j", "de", "-f", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var de = Assert.Single(document.RootElement.GetProperty("jurisdictions").EnumerateArray());
        Assert.Equal("DE", de.GetProperty("jurisdiction").GetString());
        Assert.Equal(["EU"], de.GetProperty("within").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["law of EU", "law of DE within EU"], de.GetProperty("laws").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("DE", "QuickStart.schema.DE.json", "DE within EU")]
    [InlineData("US-CA", "QuickStart.schema.US-CA.json", "US-CA within US")]
    public void Schema_of_a_nested_jurisdiction_is_the_Documents_snapshot_and_names_the_chain(string jurisdiction, string snapshot, string chain)
    {
        var run = PacRun.Of("schema", policies.QuickStart, "-j", jurisdiction);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Snapshot(snapshot).TrimEnd('\n'), run.Output.TrimEnd('\n'));
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("Preferences of LearnerPreferences in " + chain, document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Schema_of_a_known_consenting_minor_in_DE_keeps_DE_laws_lock()
    {
        var context = File("de-minor-consent.json", """{ "jurisdiction": "EU", "facts": ["Minor", "ConsentsToMemory"] }""");

        var eu = PacRun.Of("schema", policies.QuickStart, "--context", context);
        var de = PacRun.Of("schema", policies.QuickStart, "--context", context, "-j", "DE");

        Assert.True(de.ExitCode == 0, de.ToString());
        Assert.Equal(Snapshot("QuickStart.schema.DE.minor-consent.json").TrimEnd('\n'), de.Output.TrimEnd('\n'));
        using var euSchema = JsonDocument.Parse(eu.Output);
        using var deSchema = JsonDocument.Parse(de.Output);
        Assert.Equal(14, euSchema.RootElement.GetProperty("properties").GetProperty("memoryDays").GetProperty("maximum").GetInt32()); // EU: consent lifts the lock
        Assert.Equal(0, deSchema.RootElement.GetProperty("properties").GetProperty("memoryDays").GetProperty("maximum").GetInt32()); // DE: a minor's lock stays
    }

    [Fact]
    public void Resolve_in_DE_clamps_by_DE_law_and_by_EU_law_each_named_with_its_level()
    {
        var prefs = File("de-prefs.json", """{ "memoryDays": 30, "discloseAi": false }""");
        var context = File("minor-consent.json", """{ "jurisdiction": "US", "facts": ["Minor", "ConsentsToMemory"] }""");

        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", prefs, "--context", context, "--jurisdiction", "de");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("pac resolve: QuickStart.Policies.LearnerPreferences in DE within EU; holds: Minor, ConsentsToMemory", run.Output);
        Assert.Equal(["MemoryDays", "30", "0", "clamped", "Locked(0) (when Minor)", "law of DE within EU"], run.Row("MemoryDays"));
        Assert.Equal(["DiscloseAi", "false", "true", "clamped", "Locked(true)", "law of EU"], run.Row("DiscloseAi"));
    }

    [Fact]
    public void Resolve_with_the_short_option_and_no_context_file_in_US_CA_applies_US_CA_law()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("ca-prefs.json", """{ "discloseAi": false }"""), "-j", "US-CA");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in US-CA within US; no fact known", run.Output);
        Assert.Equal(["DiscloseAi", "false", "true", "clamped", "Locked(true)", "law of US-CA within US"], run.Row("DiscloseAi"));
    }

    [Fact]
    public void An_unknown_jurisdiction_is_bad_input_that_lists_the_known_ones_with_their_chains_and_says_every_law_would_apply()
    {
        foreach (var command in new[] { "card", "schema" })
        {
            AssertUnknown(PacRun.Of(command, policies.QuickStart, "-j", "FR"));
        }

        AssertUnknown(PacRun.Of("resolve", policies.QuickStart, "--prefs", File("fr-prefs.json", "{}"), "-j", "FR"));

        static void AssertUnknown(PacRun run)
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Empty(run.Output);
            Assert.Equal(
                "pac: unknown jurisdiction FR; the policy QuickStart.Policies.LearnerPreferences knows: EU, US, DE within EU, US-CA within US. "
                + "A request naming any other jurisdiction applies every law at once.\n",
                run.Error);
        }
    }

    [Fact]
    public void Diff_names_a_changed_chain_and_the_widening_where_EU_law_stops_applying()
    {
        var text = PacRun.Of("diff", policies.QuickStart, DeOnItsOwn);
        var json = PacRun.Of("diff", policies.QuickStart, DeOnItsOwn, "--format", "json");

        // Out of the EU, DE drops EU law's Locked(true) on DiscloseAi: a widening, in DE only.
        Assert.True(text.ExitCode == 1, text.ToString());
        text.AssertRow("DE (was: DE within EU)", "when RolePlay does not hold or is unknown", "DiscloseAi", "widened", "{true}", "{false, true}");
        Assert.DoesNotContain(text.Rows, r => r.Length > 0 && r[0] == "EU");

        // DE law's own rule did not change: it is the same rule, named as the new version nests it.
        Assert.DoesNotContain(text.Rows, r => r.Length > 0 && r[0].StartsWith("law of DE", System.StringComparison.Ordinal));

        using var document = JsonDocument.Parse(json.Output);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToList();
        var de = changes.First(c => c.GetProperty("jurisdiction").ValueKind == JsonValueKind.String && c.GetProperty("jurisdiction").GetString() == "DE");
        Assert.Empty(de.GetProperty("within").EnumerateArray()); // as the new version nests it
    }
}
