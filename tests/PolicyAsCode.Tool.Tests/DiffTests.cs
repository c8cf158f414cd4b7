using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

[Collection(PolicyAssembliesCollection.Name)]
public sealed class DiffTests(PolicyAssemblies policies)
{
    /// <summary>US law lets minors' data be kept 7 days instead of none: a law bound widened. A second build of the assembly QuickStart, as in real use.</summary>
    private string LawWidened => policies.Edited("LawWidened", "UsLaw.cs", "[Locked(0, When = Fact.Minor", "[AtMost(7, When = Fact.Minor", assemblyName: "QuickStart");

    /// <summary>The organisation keeps at most 7 days instead of 14: narrowing only.</summary>
    private string OrganisationNarrowed => policies.Edited("OrganisationNarrowed", "ContosoLearning.cs", "[AtMost(14,", "[AtMost(7,");

    private string DimensionAdded => policies.Edited(
        "DimensionAdded", "LearnerPreferences.cs", "public Hazard AvoidHazards { get; init; }",
        "public Hazard AvoidHazards { get; init; }\n\n    [Described(\"Whether answers may use emoji\")]\n    [Enables(Benefit.Wellbeing)]\n    public bool Emoji { get; init; }");

    private string DimensionRemoved => policies.Edited(
        "DimensionRemoved", "LearnerPreferences.cs", VerbosityDeclaration(), string.Empty);

    /// <summary>The Verbosity property with every attribute on it, as the QuickStart writes it today.</summary>
    private static string VerbosityDeclaration()
    {
        var text = PolicyAssemblies.QuickStartSources()["LearnerPreferences.cs"];
        var start = text.IndexOf("[Described(\"How long answers are\")]", StringComparison.Ordinal);
        const string End = "public Verbosity Verbosity { get; init; } = Verbosity.Balanced;";
        var end = text.IndexOf(End, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the QuickStart no longer declares Verbosity as this test expects");
        return text[start..(end + End.Length)];
    }

    /// <summary>The EU no longer refuses sexual content to minors.</summary>
    private string ForbidRemoved => policies.Edited(
        "ForbidRemoved", "EuLaw.cs",
        "[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = \"minors must not be shown sexual content\", Mitigates = [Risk.ManipulationOfTheVulnerable])]", string.Empty);

    [Fact]
    public void Identical_assemblies_have_no_changes()
    {
        var run = PacRun.Of("diff", policies.QuickStart, policies.QuickStart);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("no changes\n", run.Output);
    }

    [Fact]
    public void A_widened_law_bound_exits_1_and_names_jurisdiction_and_dimension()
    {
        var run = PacRun.Of("diff", policies.QuickStart, LawWidened);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("US", "when Minor holds or is unknown", "MemoryDays", "widened", "0", "0 to 7");

        // US law applies in US-CA, within US: the widening reaches it, named with the chain.
        run.AssertRow("US-CA within US", "when Minor holds or is unknown", "MemoryDays", "widened", "0", "0 to 7");

        // Where no jurisdiction matches, every law applies: DE law still keeps a minor's memory at 0, consent or not,
        // and EU law keeps everyone's at 0 without consent, so nothing widens there.
        Assert.DoesNotContain("(none: every law)", run.Output);
        run.AssertRow("law of US: MemoryDays Locked (when Minor)", "disappeared", "Locked(0) allows 0");
        run.AssertRow("law of US: MemoryDays AtMost (when Minor)", "appeared", "AtMost(7) allows … to 7");
        Assert.DoesNotContain(run.Rows, r => r.Length > 0 && r[0] == "EU");
        Assert.Contains("review required", run.Output);
    }

    [Fact]
    public void A_narrowed_organisation_bound_exits_0_and_lists_the_narrowing()
    {
        var run = PacRun.Of("diff", policies.QuickStart, OrganisationNarrowed);

        Assert.True(run.ExitCode == 0, run.ToString());
        run.AssertRow("EU", "when ConsentsToMemory holds", "MemoryDays", "narrowed", "0 to 14", "0 to 7");
        run.AssertRow("US", "when Minor does not hold", "MemoryDays", "narrowed", "0 to 14", "0 to 7");
        run.AssertRow("(none: every law)", "when Minor does not hold and ConsentsToMemory holds", "MemoryDays", "narrowed", "0 to 14", "0 to 7");
        run.AssertRow("organisation contoso-learning: MemoryDays AtMost (always)", "narrowed", "AtMost(14) allows … to 14", "AtMost(7) allows … to 7");
        Assert.DoesNotContain("widened", run.Output);
        Assert.Contains("none widening", run.Output);
    }

    [Fact]
    public void Narrowing_reversed_is_a_widening()
    {
        var run = PacRun.Of("diff", OrganisationNarrowed, policies.QuickStart);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("EU", "when ConsentsToMemory holds", "MemoryDays", "widened", "0 to 7", "0 to 14");
    }

    [Fact]
    public void An_added_dimension_is_a_widening_and_a_removed_one_is_not()
    {
        var added = PacRun.Of("diff", policies.QuickStart, DimensionAdded);
        var removed = PacRun.Of("diff", policies.QuickStart, DimensionRemoved);

        Assert.True(added.ExitCode == 1, added.ToString());
        added.AssertRow("Emoji", "appeared", "bool");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        removed.AssertRow("Verbosity", "disappeared", "QuickStart.Policies.Verbosity");
    }

    [Fact]
    public void A_removed_forbid_is_a_widening_of_the_content_refused()
    {
        var run = PacRun.Of("diff", policies.QuickStart, ForbidRemoved);

        Assert.True(run.ExitCode == 1, run.ToString());
        run.AssertRow("EU", "when Minor holds or is unknown", "widened", "no longer refused: SexualContent (S12)");
        Assert.DoesNotContain(run.Rows, r => r.Length > 0 && r[0] == "US");

        // Where no jurisdiction matches, US law still refuses it to minors.
        Assert.DoesNotContain(run.Rows, r => r.Length > 0 && r[0] == "(none: every law)");
    }

    [Fact]
    public void Json_format_carries_every_change_and_the_verdict()
    {
        var run = PacRun.Of("diff", policies.QuickStart, LawWidened, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.GetProperty("widened").GetBoolean());
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("section").GetString() == "bound" && c.GetProperty("jurisdiction").GetString() == "US"
            && c.GetProperty("subject").GetString() == "MemoryDays" && c.GetProperty("change").GetString() == "widened" && c.GetProperty("widens").GetBoolean());
        Assert.All(changes, c => Assert.NotEqual("EU", c.GetProperty("jurisdiction").GetString()));
    }

    [Fact]
    public void Json_format_of_identical_assemblies_is_empty()
    {
        var run = PacRun.Of("diff", policies.QuickStart, policies.QuickStart, "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.GetProperty("widened").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("changes").GetArrayLength());
    }
}
