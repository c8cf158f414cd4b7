using System.Linq;
using System.Text.Json.Nodes;
using PolicyAsCode.Documents.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>The schema's titles and <c>x-excluded</c>: the choices, as any settings UI reads them from the schema.</summary>
public sealed class SchemaChoicesTests
{
    private static PolicyRegistry Registry => LearnerPreferences.Registry;

    [Fact]
    public void Each_property_has_the_title_of_its_choices()
    {
        var schema = PreferencesSchema.Create(Registry, "EU");

        Assert.Equal("Memory days", (string?)schema["properties"]!["memoryDays"]!["title"]);
        Assert.Equal("Avoid hazards", (string?)schema["properties"]!["avoidHazards"]!["title"]);
    }

    [Fact]
    public void A_minor_in_the_eu_sees_mature_content_listed_as_excluded_by_the_law_with_its_reason()
    {
        var schema = PreferencesSchema.Create(Registry, PolicyContext.In("EU").With(Fact.Minor, true));

        var excluded = schema["properties"]!["maturity"]!["x-excluded"]!.AsArray();
        var mature = Assert.Single(excluded)!;
        Assert.Equal("Mature", (string?)mature["value"]);
        Assert.Equal("law of EU", (string?)mature["tier"]);
        Assert.Equal("minors get at most teen content", (string?)mature["reason"]);
        Assert.StartsWith("Maturity: asked Mature, granted Teen by law of EU's", (string?)mature["explanation"]);

        var memory = schema["properties"]!["memoryDays"]!["x-excluded"]!.AsArray();
        Assert.Equal(["0", "0"], memory.Select(e => (e!["below"] ?? e["above"])!.ToJsonString()));
        Assert.Equal(["law of EU", "law of EU"], memory.Select(e => (string?)e!["tier"]));

        // A dimension nothing bounds excludes nothing, and says so by leaving the keyword out.
        Assert.False(schema["properties"]!["verbosity"]!.AsObject().ContainsKey("x-excluded"));
    }

    [Fact]
    public void The_schema_with_its_extension_keyword_stays_valid_2020_12_and_accepts_what_it_offers()
    {
        var text = PreferencesSchema.ToText(Registry, PolicyContext.In("EU").With(Fact.Minor, true));
        using var parsed = System.Text.Json.JsonDocument.Parse(text);
        Assert.True(global::Json.Schema.MetaSchemas.Draft202012.Evaluate(parsed.RootElement.Clone()).IsValid);

        var schema = Schemas.Build(text);
        Assert.True(Schemas.Accepts(schema, "{\"maturity\": \"Teen\", \"topics\": [\"Science\", \"Finance\"]}"));
        Assert.False(Schemas.Accepts(schema, "{\"maturity\": \"Mature\"}"));
        Assert.False(Schemas.Accepts(schema, "{\"topics\": [\"Romance\"]}"));
    }
}
