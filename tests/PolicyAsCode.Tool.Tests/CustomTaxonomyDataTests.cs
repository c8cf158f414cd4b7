using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// Issue 16: pac reads a project's own benefits and risks from the policy data (format 2) without running the
/// assembly, names them in the card, and still reads data of format 1, which has none.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class CustomTaxonomyDataTests(PolicyAssemblies policies)
{
    private string Civic => policies.Custom("Civic", Policies.CustomTaxonomy.ToDictionary(s => s.Path, s => s.Text));

    [Fact]
    public void The_data_carries_the_declared_benefit_and_risk()
    {
        var entry = Assert.Single(PolicyMetadata.Read(Civic, out _));
        Assert.Equal(PolicyRegistryData.Format, entry.Format);
        var registry = PolicyRegistryData.Read(entry.Data, entry.Format);

        var benefit = Assert.Single(registry.CustomBenefits);
        Assert.Equal(new BenefitInfo(Benefit.Custom1, new TaxonomyEntry("benefit.societal.civic-trust", "Civic trust", TaxonomyLevel.Societal, "People trust public information they get through the assistant.")), benefit);
        var risk = Assert.Single(registry.CustomRisks);
        Assert.Equal(new RiskInfo(Risk.Custom2, new TaxonomyEntry("risk.individual.news-fatigue", "News fatigue", TaxonomyLevel.Individual, "The user is worn out by a constant stream of news.")), risk);
    }

    [Fact]
    public void Pac_card_names_the_custom_entries_and_offers_only_declared_custom_hazards()
    {
        var card = PacRun.Of("card", Civic, "--format", "json");
        Assert.True(card.ExitCode == 0, card.ToString());
        using var json = JsonDocument.Parse(card.Output);
        var eu = json.RootElement.GetProperty("jurisdictions")[0];
        var news = eu.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "NewsPerDay");
        Assert.Equal(["benefit.societal.civic-trust", "benefit.individual.autonomy"], news.GetProperty("enables").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("News fatigue", news.GetProperty("bounds")[0].GetProperty("mitigates")[0].GetProperty("title").GetString());
        var forbid = eu.GetProperty("forbids").EnumerateArray().First();
        Assert.Equal("risk.individual.news-fatigue", forbid.GetProperty("mitigates")[0].GetProperty("id").GetString());

        // The declared custom hazard (X1) is offered on the user's list; the seven undeclared ones are not.
        var hazards = eu.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "AvoidHazards").GetProperty("allows").GetString();
        Assert.Contains("CodeInterpreterAbuse, Custom1 (or none)", hazards, StringComparison.Ordinal);
        Assert.DoesNotContain("Custom2", hazards, StringComparison.Ordinal);

        var schema = PacRun.Of("schema", Civic, "-j", "EU");
        Assert.True(schema.ExitCode == 0, schema.ToString());
        Assert.Contains("\"Custom1\"", schema.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Custom2\"", schema.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_of_format_1_still_reads_and_may_not_hold_the_new_fields()
    {
        // Format 3 is format 2 with "instructions" and "learnable" on each dimension and "learning" last: without them, format 2.
        var format3 = Assert.Single(PolicyMetadata.Read(policies.QuickStart, out _)).Data;
        var learning = format3.LastIndexOf(",\"learning\":", StringComparison.Ordinal);
        Assert.True(learning > 0, format3);
        var data = System.Text.RegularExpressions.Regex.Replace(format3[..learning], ",\"instructions\":\\[.*?\\],\"learnable\":(true|false)", string.Empty) + "}";
        Assert.DoesNotContain("\"instructions\"", data, StringComparison.Ordinal);
        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("FormatTwoWithLearning", 2, format3)), "FormatTwoWithLearning.dll", "has a field this format does not know", "\"learning\"");
        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("FormatThreeWithout", 3, data)), "FormatThreeWithout.dll", "misses the field \"learning\"");
        Assert.True(PacRun.Of("card", DataOnly("FormatTwo", 2, data)).ExitCode == 0);
        Assert.Empty(PolicyRegistryData.Read(data, 2).LearningRules);
        const string NewFields = ",\"benefits\":[],\"risks\":[]";
        Assert.EndsWith(NewFields + "}", data, StringComparison.Ordinal);
        var format1 = data.Replace(NewFields, string.Empty, StringComparison.Ordinal);

        var old = PacRun.Of("card", DataOnly("FormatOne", 1, format1));
        Assert.True(old.ExitCode == 0, old.ToString());
        Assert.Contains("LearnerPreferences", old.Output, StringComparison.Ordinal);
        Assert.Empty(PolicyRegistryData.Read(format1, 1).CustomBenefits);

        // Format 1 never had the fields, and format 2 must have them: neither is half understood.
        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("FormatOneWithNew", 1, data)), "FormatOneWithNew.dll", "$ has a field", "\"benefits\"");
        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("FormatTwoWithout", 2, format1)), "FormatTwoWithout.dll", "misses the field \"benefits\"");
        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("FormatZero", 0, format1)), "FormatZero.dll", "format 0", "which no PolicyAsCode writes");
    }

    [Theory]
    [InlineData("ShippedMember", "{\"benefit\":1003,\"id\":\"benefit.societal.civic-trust\",\"level\":\"Societal\",\"title\":\"T\",\"description\":\"D\"}", "must be one of Custom1 to Custom8")]
    [InlineData("ShippedId", "{\"benefit\":9001,\"id\":\"benefit.societal.pluralism\",\"level\":\"Societal\",\"title\":\"T\",\"description\":\"D\"}", "needs an id of the form")]
    [InlineData("OtherLevel", "{\"benefit\":9001,\"id\":\"benefit.individual.civic-trust\",\"level\":\"Societal\",\"title\":\"T\",\"description\":\"D\"}", "needs an id of the form")]
    [InlineData("NoLevel", "{\"benefit\":9001,\"id\":\"benefit.societal.civic-trust\",\"level\":\"Global\",\"title\":\"T\",\"description\":\"D\"}", "must name a TaxonomyLevel")]
    [InlineData("NoDescription", "{\"benefit\":9001,\"id\":\"benefit.societal.civic-trust\",\"level\":\"Societal\",\"title\":\"T\"}", "misses the field \"description\"")]
    public void Forged_custom_benefits_are_bad_input(string name, string benefit, string expected)
    {
        var data = Assert.Single(PolicyMetadata.Read(policies.QuickStart, out _)).Data
            .Replace("\"benefits\":[]", "\"benefits\":[" + benefit + "]", StringComparison.Ordinal);

        PolicyDataTests.AssertBadInput(PacRun.Of("card", DataOnly("Forged" + name, PolicyRegistryData.Format, data)), expected);
    }

    private string DataOnly(string name, int format, string data) =>
        policies.Custom(name, new Dictionary<string, string>
        {
            ["Forged.cs"] = $"namespace Forged; [PolicyAsCode.Compiled.PolicyRegistryData({format}, {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(data, quote: true)})] public sealed class Prefs {{ }}",
        });
}
