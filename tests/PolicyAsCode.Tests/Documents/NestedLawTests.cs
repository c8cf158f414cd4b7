using System;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using PolicyAsCode.Documents.Tests.Nested;
using PolicyAsCode.Documents.Tests.Support;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>
/// The card and the schema of a policy with laws within laws (EU > DE > DE-BY): each jurisdiction's part holds every
/// level that applies there and names each ("law of DE within EU"); a request in an outer jurisdiction never sees an
/// inner one's law.
/// </summary>
public sealed class NestedLawTests
{
    private const string Eu = "law of EU";
    private const string De = "law of DE within EU";
    private const string By = "law of DE-BY within DE within EU";

    private static PolicyRegistry Registry => NestedPreferences.Registry;

    [Fact]
    public void Each_jurisdiction_lists_the_jurisdictions_it_is_within_and_every_law_that_applies_there()
    {
        var card = PolicyCard.Create(Registry);

        Assert.Equal(["EU", "DE", "DE-BY"], card.Jurisdictions.Select(j => j.Name));
        var (eu, de, by) = (card.Jurisdictions[0], card.Jurisdictions[1], card.Jurisdictions[2]);
        Assert.Empty(eu.Within);
        Assert.Equal(["EU"], de.Within.ToArray());
        Assert.Equal(["DE", "EU"], by.Within.ToArray()); // nearest first
        Assert.Equal([Eu], eu.Laws.ToArray());
        Assert.Equal([Eu, De], de.Laws.ToArray());
        Assert.Equal([Eu, De, By], by.Laws.ToArray());
        Assert.Equal([Eu, De, By, "user tier NestedPreferences"], by.Tiers.ToArray());
    }

    [Fact]
    public void The_bounds_and_refusals_of_every_level_that_applies_are_listed_each_naming_its_level()
    {
        var card = PolicyCard.Create(Registry);
        var (eu, de, by) = (card.Jurisdictions[0], card.Jurisdictions[1], card.Jurisdictions[2]);

        Assert.Equal([Eu], eu.Dimensions.Single().Bounds.Select(b => b.Tier));
        Assert.Equal([Eu, De], de.Dimensions.Single().Bounds.Select(b => b.Tier));
        Assert.Equal([Eu, De, By], by.Dimensions.Single().Bounds.Select(b => b.Tier));
        Assert.All(by.Dimensions.Single().Bounds, b => Assert.Equal(TierRank.Immutable, b.Rank));

        // What a user may choose is the meet of every level: EU law alone in the EU, all three in DE-BY.
        Assert.Equal("from 0 to 30", eu.Dimensions.Single().Allows);
        Assert.Equal("from 0 to 14", de.Dimensions.Single().Allows);
        Assert.Equal("from 0 to 7", by.Dimensions.Single().Allows);

        // DE's refusal applies in DE and in DE-BY (within DE), never in the EU.
        Assert.DoesNotContain(eu.Forbids, f => f.Tier == De);
        Assert.Equal(De, Assert.Single(de.Forbids, f => f.UserList is null).Tier);
        Assert.Equal(De, Assert.Single(by.Forbids, f => f.UserList is null).Tier);
    }

    [Fact]
    public void The_markdown_heads_each_jurisdiction_with_its_chain_and_names_the_levels_that_apply()
    {
        var markdown = PolicyCard.Create(Registry).ToMarkdown();

        Assert.Contains("It holds the law of EU, the law of DE within EU, the law of DE-BY within DE within EU and the preferences of the user tier NestedPreferences.", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## In EU\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## In DE within EU\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## In DE-BY within DE within EU\n", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "DE-BY is within DE and EU: a request in DE-BY applies the law of EU, the law of DE within EU and the law of DE-BY within DE within EU.",
            markdown, StringComparison.Ordinal);
        Assert.Contains("1. Law of EU: `Between(0, 30)` allows from 0 to 30.", markdown, StringComparison.Ordinal);
        Assert.Contains("2. Law of DE within EU: `AtMost(14)` allows at most 14.", markdown, StringComparison.Ordinal);
        Assert.Contains("3. Law of DE-BY within DE within EU: `AtMost(7)` allows at most 7.", markdown, StringComparison.Ordinal);
        Assert.Contains("Law of DE within EU refuses Elections (S13), when the user is a minor.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_of_an_inner_jurisdiction_alone_still_shows_every_level()
    {
        var card = PolicyCard.Create(Registry).For("de-by");

        var only = Assert.Single(card.Jurisdictions);
        Assert.Equal([Eu, De, By], only.Laws.ToArray());
        var markdown = card.ToMarkdown();
        Assert.Contains("It holds the law of EU, the law of DE within EU, the law of DE-BY within DE within EU and", markdown, StringComparison.Ordinal);
        Assert.Contains("Law of EU: `Between(0, 30)`", markdown, StringComparison.Ordinal);
        Assert.Contains("Law of DE within EU: `AtMost(14)`", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## In EU\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_card_has_within_and_laws_per_jurisdiction()
    {
        using var json = JsonDocument.Parse(PolicyCard.Create(Registry).ToJson());
        var de = json.RootElement.GetProperty("jurisdictions")[1];

        Assert.Equal("DE", de.GetProperty("jurisdiction").GetString());
        Assert.Equal(["EU"], de.GetProperty("within").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Eu, De], de.GetProperty("laws").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Eu, De], de.GetProperty("dimensions")[0].GetProperty("bounds").EnumerateArray().Select(b => b.GetProperty("tier").GetString()));
    }

    [Fact]
    public void The_schema_of_an_inner_jurisdiction_allows_what_every_level_together_allows_and_names_the_chain()
    {
        var schema = PreferencesSchema.Create(Registry, "DE");
        var memory = schema["properties"]!["memoryDays"]!;

        Assert.Equal("Preferences of NestedPreferences in DE within EU", (string?)schema["title"]);
        Assert.Contains("in DE within EU, where the law of EU and the law of DE within EU apply", (string?)schema["description"], StringComparison.Ordinal);
        Assert.Equal(0L, (long)memory["minimum"]!);
        Assert.Equal(14L, (long)memory["maximum"]!);
        Assert.Equal("Bounded by law of EU (Between(0, 30)); law of DE within EU (AtMost(14)).", (string?)memory["$comment"]);

        var built = Schemas.Build(schema.ToJsonString());
        Assert.True(Schemas.Accepts(built, """{"memoryDays": 14}"""));
        Assert.False(Schemas.Accepts(built, """{"memoryDays": 15}""")); // DE law: AtMost(14)
        Assert.False(Schemas.Accepts(built, """{"memoryDays": 31}""")); // EU law: Between(0, 30)
    }

    [Fact]
    public void The_schema_of_an_outer_jurisdiction_ignores_the_laws_within_it_and_an_unknown_one_applies_every_law()
    {
        var eu = PreferencesSchema.Create(Registry, "EU");
        var unknown = PreferencesSchema.Create(Registry, "FR");

        Assert.Equal("Preferences of NestedPreferences in EU", (string?)eu["title"]);
        Assert.Equal(30L, (long)eu["properties"]!["memoryDays"]!["maximum"]!);
        Assert.Equal("Bounded by law of EU (Between(0, 30)).", (string?)eu["properties"]!["memoryDays"]!["$comment"]);
        Assert.Equal(7L, (long)unknown["properties"]!["memoryDays"]!["maximum"]!);
        Assert.Contains("every law applies", (string?)unknown["title"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("DE")]
    [InlineData("DE-BY")]
    public void Every_nested_schema_is_valid_against_the_2020_12_meta_schema(string jurisdiction)
    {
        using var document = JsonDocument.Parse(PreferencesSchema.ToText(Registry, PolicyContext.In(jurisdiction)));
        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, Schemas.Errors(results));
    }
}
