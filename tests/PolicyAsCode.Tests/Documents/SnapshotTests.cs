using PolicyAsCode.Documents.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>The QuickStart policy's card and schemas against checked-in files (POLICYASCODE_UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class SnapshotTests
{
    private static PolicyRegistry Registry => LearnerPreferences.Registry;

    [Fact]
    public void Card_as_markdown() => Snapshot.Verify("QuickStart.card.md", PolicyCard.Create(Registry).ToMarkdown());

    [Fact]
    public void Card_as_json() => Snapshot.Verify("QuickStart.card.json", PolicyCard.Create(Registry).ToJson());

    [Theory]
    [InlineData("EU")]
    [InlineData("US")]
    [InlineData("DE")] // within EU: EU law and DE law together
    [InlineData("US-CA")] // within US
    public void Schema_of_a_jurisdiction_with_nothing_known(string jurisdiction) =>
        Snapshot.Verify($"QuickStart.schema.{jurisdiction}.json", PreferencesSchema.ToText(Registry, PolicyContext.In(jurisdiction)));

    [Fact]
    public void Schema_of_a_known_minor_in_the_eu() =>
        Snapshot.Verify("QuickStart.schema.EU.minor.json", PreferencesSchema.ToText(Registry, PolicyContext.In("EU").With(Fact.Minor, true)));

    [Fact]
    public void Schema_of_a_known_consenting_adult_in_a_role_play_in_the_eu() =>
        Snapshot.Verify("QuickStart.schema.EU.adult-consent-roleplay.json", PreferencesSchema.ToText(
            Registry, PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true).With(Fact.RolePlay, true)));

    [Fact]
    public void Schema_of_a_known_minor_in_germany_within_the_eu() =>
        Snapshot.Verify("QuickStart.schema.DE.minor-consent.json", PreferencesSchema.ToText(
            Registry, PolicyContext.In("DE").With(Fact.Minor, true).With(Fact.ConsentsToMemory, true)));

    [Fact]
    public void Card_of_germany_alone_as_markdown() => Snapshot.Verify("QuickStart.card.DE.md", PolicyCard.Create(Registry).For("DE").ToMarkdown());

    [Fact]
    public void Schema_where_no_jurisdiction_matches() =>
        Snapshot.Verify("QuickStart.schema.any.json", PreferencesSchema.ToText(Registry, PolicyContext.In("FR")));
}
