using System;
using System.Linq;
using System.Text.Json.Nodes;
using PolicyAsCode.Documents.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>The explanation document: the choices with what a user asked for, was granted, and why.</summary>
public sealed class ExplainTests
{
    private static PolicyRegistry Registry => LearnerPreferences.Registry;

    private static readonly PolicyContext EuMinor = PolicyContext.In("EU").With(Fact.Minor, true);

    private static JsonObject Dimension(JsonObject document, string name) =>
        document["dimensions"]!.AsArray().Single(d => (string?)d!["name"] == name)!.AsObject();

    [Fact]
    public void The_defaults_of_a_minor_in_the_eu() =>
        Snapshot.Verify("QuickStart.explain.EU.minor.json", PreferenceChoices.Create(Registry, EuMinor).ToText());

    [Fact]
    public void A_minor_asking_for_mature_content_sees_the_request_the_grant_and_the_law_that_moved_it()
    {
        var requested = LearnerPreferences.Defaults(EuMinor) with { Maturity = Maturity.Mature, MemoryDays = 7 };
        var resolution = LearnerPreferences.Resolve(requested, EuMinor, DimensionSet.Empty);

        var document = PreferenceChoices.Create(Registry, EuMinor).Explain(requested, DimensionSet.Empty, resolution);

        Assert.Equal("LearnerPreferences", (string?)document["policy"]);
        Assert.Equal("EU", (string?)document["jurisdiction"]);
        Assert.Equal("EU", (string?)document["where"]);
        Assert.Equal("Minor holds; every other fact unknown", (string?)document["context"]);
        var maturity = Dimension(document, "maturity");
        Assert.Equal("Mature", (string?)maturity["requested"]);
        Assert.Equal("Teen", (string?)maturity["effective"]);
        Assert.Equal("General", (string?)maturity["default"]);
        Assert.Equal(resolution.Adjustments.Single(a => a.Dimension.Name == "Maturity").Explain(), (string?)maturity["adjustment"]);
        var mature = maturity["options"]!.AsArray().Single(o => (string?)o!["value"] == "Mature")!;
        Assert.False((bool)mature["allowed"]!);
        Assert.Equal("law of EU", (string?)mature["excludedBy"]!["tier"]);
        Assert.Equal("Immutable", (string?)mature["excludedBy"]!["rank"]);
        Assert.Equal("AtMost(Maturity.Teen) when Minor", (string?)mature["excludedBy"]!["bound"]);
        Assert.Equal("minors get at most teen content", (string?)mature["excludedBy"]!["reason"]);

        var memory = Dimension(document, "memoryDays");
        Assert.Equal("7", memory["requested"]!.ToJsonString());
        Assert.Equal("0", memory["effective"]!.ToJsonString());
        Assert.False(memory.ContainsKey("options"));
        Assert.Equal("0", memory["range"]!["maximum"]!.ToJsonString());
        Assert.Equal("storage limitation: personal data at most 30 days", (string?)memory["range"]!["belowMinimum"]!["reason"]); // -1 breaks Between(0, 30) first
        Assert.Equal("no memory of personal data without consent", (string?)memory["range"]!["aboveMaximum"]!["reason"]);

        var tone = Dimension(document, "tone");
        Assert.Equal("Friendly", (string?)tone["requested"]);
        Assert.Null(tone["adjustment"]);
        Assert.False(tone.ContainsKey("range"));
    }

    [Fact]
    public void An_unreadable_request_is_null_and_its_fail_closed_adjustment_explained()
    {
        var read = LearnerPreferences.ReadPreferences("{\"maturity\": \"Extreme\", \"tone\": \"Neutral\"}"u8, EuMinor);
        var resolution = LearnerPreferences.Resolve(read.Requested, EuMinor, read.Unreadable);

        var document = PreferenceChoices.Create(Registry, EuMinor).Explain(read.Requested, read.Unreadable, resolution);

        var maturity = Dimension(document, "maturity");
        Assert.Null(maturity["requested"]);
        Assert.Equal("General", (string?)maturity["effective"]);
        Assert.Contains("could not use", (string?)maturity["adjustment"]);
        Assert.Equal("Neutral", (string?)Dimension(document, "tone")["requested"]);
    }

    [Fact]
    public void A_user_who_asked_for_nothing_gets_the_defaults_as_the_document_without_a_request()
    {
        var choices = PreferenceChoices.Create(Registry, EuMinor);
        var resolution = LearnerPreferences.Resolve(LearnerPreferences.Defaults(EuMinor), EuMinor, DimensionSet.Empty);

        var anonymous = choices.Explain<LearnerPreferences>(null, DimensionSet.Empty, resolution);

        Assert.Equal(choices.ToJson().ToJsonString(), anonymous.ToJsonString());
        Assert.All(anonymous["dimensions"]!.AsArray(), d => Assert.Null(d!["requested"]));
    }

    [Fact]
    public void Values_that_do_not_fit_the_policy_are_refused_with_a_reason()
    {
        var choices = PreferenceChoices.Create(Registry, EuMinor);
        var effective = LearnerPreferences.Encode(LearnerPreferences.Defaults(EuMinor));

        var shortRequest = Assert.Throws<ArgumentException>(() => choices.Explain(new DimensionValue[2], DimensionSet.Empty, effective, []));
        Assert.Contains("2 requested values", shortRequest.Message);
        Assert.Throws<ArgumentException>(() => choices.Explain([], DimensionSet.Empty, effective.AsSpan(1), []));
        var outside = (DimensionValue[])effective.Clone();
        outside[0] = DimensionInfo.OutsideMembers;
        Assert.Throws<ArgumentException>(() => choices.Explain([], DimensionSet.Empty, outside, []));
    }
}
