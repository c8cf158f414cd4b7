using System.Text.Json;
using Json.Schema;
using PolicyAsCode.Documents.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>The QuickStart schemas are valid draft 2020-12 and accept and reject hand-written preference documents.</summary>
public sealed class SchemaValidationTests
{
    private static JsonSchema SchemaOf(PolicyContext context) => Schemas.Build(PreferencesSchema.ToText(LearnerPreferences.Registry, context));

    public static TheoryData<string> Contexts => ["EU", "US", "FR", "EU+minor"];

    private static PolicyContext ContextOf(string name) =>
        name == "EU+minor" ? PolicyContext.In("EU").With(Fact.Minor, true) : PolicyContext.In(name);

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_schema_is_valid_against_the_2020_12_meta_schema(string context)
    {
        var text = PreferencesSchema.ToText(LearnerPreferences.Registry, ContextOf(context));
        using var document = JsonDocument.Parse(text);
        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, Schemas.Errors(results));
        Assert.Equal(PreferencesSchema.Dialect, document.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_defaults_validate(string context)
    {
        var schema = PreferencesSchema.Create(LearnerPreferences.Registry, ContextOf(context));
        var defaults = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            defaults[name] = property!["default"]!.DeepClone();
        }

        var results = Schemas.Evaluate(Schemas.Build(schema.ToJsonString()), defaults.ToJsonString());
        Assert.True(results.IsValid, Schemas.Errors(results));
    }

    [Theory]
    [InlineData("EU", """{}""")]
    [InlineData("EU", """{"maturity": "Teen", "tone": "Playful", "verbosity": "Detailed", "discloseAi": true}""")]
    [InlineData("EU", """{"memoryDays": 0, "creativity": 0.8, "topics": ["Science", "Finance"], "language": "fr"}""")]
    [InlineData("EU", """{"topics": [], "avoidHazards": ["Hate", "Elections"]}""")]
    [InlineData("US", """{"discloseAi": false, "maturity": "General", "language": "es"}""")]
    [InlineData("FR", """{"discloseAi": true, "memoryDays": 0}""")]
    public void Accepts_what_the_policy_allows(string jurisdiction, string document)
    {
        var results = Schemas.Evaluate(SchemaOf(PolicyContext.In(jurisdiction)), document);
        Assert.True(results.IsValid, Schemas.Errors(results));
    }

    [Theory]
    [InlineData("EU", """{"maturity": "Mature"}""")] // contoso-learning: AtMost(Teen)
    [InlineData("US", """{"maturity": "Mature"}""")]
    [InlineData("EU", """{"memoryDays": 31}""")] // EU: Between(0, 30)
    [InlineData("EU", """{"memoryDays": 1}""")] // EU: Locked(0) unless consent, and consent is not known
    [InlineData("EU", """{"discloseAi": false}""")] // EU: Locked(true), waivable only in an established role-play
    [InlineData("EU", """{"topics": ["Politics"]}""")] // contoso-learning: no politics
    [InlineData("US", """{"topics": ["Science", "Science"]}""")] // a set holds each flag once
    [InlineData("EU", """{"tone": "Sarcastic"}""")]
    [InlineData("EU", """{"language": "nl"}""")]
    [InlineData("EU", """{"creativity": 0.81}""")]
    [InlineData("EU", """{"verbosity": "concise"}""")] // member names are case-sensitive
    [InlineData("EU", """{"memoryDays": 0.5}""")]
    [InlineData("EU", """{"theme": "dark"}""")] // unknown property
    [InlineData("EU", """{"Maturity": "Teen"}""")] // names are camelCase
    [InlineData("EU", """{"avoidHazards": ["None"]}""")]
    [InlineData("EU", """[]""")]
    public void Rejects_what_the_policy_does_not_allow(string jurisdiction, string document) =>
        Assert.False(Schemas.Accepts(SchemaOf(PolicyContext.In(jurisdiction)), document));

    [Fact]
    public void Known_facts_change_what_is_offered()
    {
        var unknown = SchemaOf(PolicyContext.In("EU"));
        var consenting = SchemaOf(PolicyContext.In("EU").With(Fact.ConsentsToMemory, true));
        var rolePlay = SchemaOf(PolicyContext.In("EU").With(Fact.RolePlay, true));
        var usAdult = SchemaOf(PolicyContext.In("US").With(Fact.Minor, false));
        Assert.False(Schemas.Accepts(unknown, """{"memoryDays": 14}"""));
        Assert.True(Schemas.Accepts(consenting, """{"memoryDays": 14}"""));
        Assert.False(Schemas.Accepts(consenting, """{"memoryDays": 15}"""));
        Assert.True(Schemas.Accepts(rolePlay, """{"discloseAi": false}"""));
        Assert.True(Schemas.Accepts(usAdult, """{"memoryDays": 14}"""));
        Assert.False(Schemas.Accepts(SchemaOf(PolicyContext.In("US")), """{"memoryDays": 14}"""));
    }

    [Fact]
    public void The_jurisdiction_overload_is_the_context_with_nothing_known() =>
        Assert.Equal(
            PreferencesSchema.Create(LearnerPreferences.Registry, PolicyContext.In("US")).ToJsonString(),
            PreferencesSchema.Create(LearnerPreferences.Registry, "US").ToJsonString());

    [Fact]
    public void Property_names_follow_the_wire_format()
    {
        Assert.Equal("memoryDays", Json.PreferenceNames.JsonName("MemoryDays"));
        Assert.Equal("discloseAi", Json.PreferenceNames.JsonName("DiscloseAi"));
        Assert.Equal("x", Json.PreferenceNames.JsonName("X"));
        Assert.Equal("already", Json.PreferenceNames.JsonName("already"));
        Assert.Equal(string.Empty, Json.PreferenceNames.JsonName(string.Empty));
    }
}
