using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyAsCode.Documents.Tests.Civic;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>
/// Issue 16, point 6: a project's own benefits and risks, declared with [assembly: BenefitCategory] and
/// [RiskCategory], are carried by the generated registry into the card, the choices, the schema and the explanation,
/// named by their ids and titles; custom hazards a policy never declares are not offered to end users.
/// </summary>
public sealed class CustomTaxonomyTests
{
    private static PolicyRegistry Registry => CivicPreferences.Registry;

    [Fact]
    public void The_generated_registry_carries_the_declared_benefit_and_risk()
    {
        var benefit = Assert.Single(Registry.CustomBenefits);
        Assert.Equal(Benefit.Custom1, benefit.Benefit);
        Assert.Equal(new TaxonomyEntry("benefit.societal.civic-trust", "Civic trust", TaxonomyLevel.Societal, "People trust public information they get through the assistant."), benefit.Entry);
        var risk = Assert.Single(Registry.CustomRisks);
        Assert.Equal(Risk.Custom2, risk.Risk);
        Assert.Equal("risk.individual.news-fatigue", risk.Entry.Id);
        Assert.Equal(TaxonomyLevel.Individual, risk.Entry.Level);

        Assert.Equal("Civic trust", Taxonomy.Describe(Benefit.Custom1, Registry)!.Title);
        Assert.Equal(TaxonomyLevel.Individual, Taxonomy.Describe(Risk.Custom2, Registry)!.Level);
        Assert.Null(Taxonomy.Describe(Benefit.Custom2, Registry));
        Assert.Null(Taxonomy.Describe(Benefit.Custom1));
        Assert.Equal(Taxonomy.Describe(Benefit.Autonomy), Taxonomy.Describe(Benefit.Autonomy, Registry));

        var news = Registry.FindDimension("NewsPerDay")!;
        Assert.Equal([Benefit.Custom1, Benefit.Autonomy], news.Enables.ToArray());
        Assert.Equal([Risk.Custom2], news.Mitigates.ToArray());
        Assert.Equal([Risk.Custom2, Risk.OverReliance], Assert.Single(Registry.Bounds).Mitigates.ToArray());
    }

    [Fact]
    public void The_card_names_the_custom_entries_by_id_and_title()
    {
        var card = PolicyCard.Create(Registry);
        using var json = JsonDocument.Parse(card.ToJson());
        var news = json.RootElement.GetProperty("jurisdictions")[0].GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "NewsPerDay");
        Assert.Equal(["benefit.societal.civic-trust", "benefit.individual.autonomy"], news.GetProperty("enables").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("Civic trust", news.GetProperty("enables")[0].GetProperty("title").GetString());
        Assert.Equal(["risk.individual.news-fatigue"], news.GetProperty("mitigates").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        var bound = news.GetProperty("bounds").EnumerateArray().Single();
        Assert.Equal(["risk.individual.news-fatigue", "risk.individual.over-reliance"], bound.GetProperty("mitigates").EnumerateArray().Select(l => l.GetProperty("id").GetString()));

        var markdown = card.ToMarkdown();
        Assert.Contains("Enables: Civic trust; Autonomy.", markdown, System.StringComparison.Ordinal);
        Assert.Contains("Mitigates: News fatigue.", markdown, System.StringComparison.Ordinal);
        Assert.Contains("The user is worn out by a constant stream of news.", markdown, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Custom1", markdown, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Custom2", markdown, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_choices_and_the_explanation_name_the_custom_entries()
    {
        var context = PolicyContext.In("EU");
        var choices = PreferenceChoices.Create(Registry, context);
        var news = choices.Dimensions.Single(d => d.Dimension.Name == "NewsPerDay");
        Assert.Equal(["benefit.societal.civic-trust", "benefit.individual.autonomy"], news.Enables.Select(l => l.Id));
        Assert.Equal(["risk.individual.news-fatigue"], news.Mitigates.Select(l => l.Id));

        // A request above the law's cap: the adjustment's explanation names the links by their declared ids.
        var requested = CivicPreferences.Defaults(context) with { NewsPerDay = 30 };
        var resolution = CivicPreferences.Resolve(requested, context, DimensionSet.Empty);
        var document = choices.Explain(requested, DimensionSet.Empty, resolution);
        var node = document["dimensions"]!.AsArray().Single(d => (string?)d!["name"] == "newsPerDay")!.AsObject();
        Assert.Equal("benefit.societal.civic-trust", (string?)node["enables"]![0]!["id"]);
        Assert.Equal("risk.individual.news-fatigue", (string?)node["mitigates"]![0]!["id"]);
        var adjustment = (string?)node["adjustment"];
        Assert.EndsWith("[mitigates risk.individual.news-fatigue, risk.individual.over-reliance]", adjustment, System.StringComparison.Ordinal);
        Assert.Equal(resolution.Adjustments.Single().Explain(Registry), adjustment);

        // The schema's exclusion of the number just above the cap explains it the same way.
        var schema = PreferencesSchema.Create(Registry, context);
        var above = schema["properties"]!["newsPerDay"]!["x-excluded"]!.AsArray().Single()!;
        Assert.Contains("risk.individual.news-fatigue", (string?)above["explanation"] ?? string.Empty, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_custom_hazards_are_not_offered_and_declared_ones_are()
    {
        var offered = Offered(Registry);
        Assert.Equal(14, offered.Count);
        Assert.DoesNotContain(offered, name => name!.StartsWith("Custom", System.StringComparison.Ordinal));

        // The same policy with Custom2 declared offers it, and nothing else of the custom range.
        var r = LearnerPreferences.Registry;
        var declared = new PolicyRegistry(
            r.Name, r.Tiers, r.Dimensions, r.Bounds, r.Forbids, r.Waivers, r.Defaults, [new HazardInfo(Hazard.Custom2, "X2", "Promotion of payday loans.")], r.NeverTogether);
        var withCustom = Offered(declared);
        Assert.Equal(15, withCustom.Count);
        Assert.Contains("Custom2", withCustom);
        Assert.DoesNotContain("Custom1", withCustom);

        var choices = PreferenceChoices.Create(declared, PolicyContext.In("EU")).Dimensions.Single(d => d.Dimension.IsHazardSet);
        Assert.Equal(withCustom, choices.Options.Select(o => (string?)o.Label).ToList());
        var card = PolicyCard.Create(declared).ToMarkdown();
        Assert.Contains("CodeInterpreterAbuse, Custom2 (or none)", card, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Custom1", card, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_hazard_a_tier_requires_is_shown_though_undeclared()
    {
        // A registry built by hand requiring Custom3 on every list: the
        // choices must not hide what the policy itself puts there, and the schema must stay satisfiable.
        var r = LearnerPreferences.Registry;
        var hazards = r.Dimensions.Single(d => d.IsHazardSet);
        var builder = new PolicyRegistryBuilder(r);
        var required = new Bound(DimensionKind.Set, 0, 0, (ulong)Hazard.Custom3, ulong.MaxValue);
        var registry = builder.AddBound(0, hazards.Index, BoundForm.AtLeast, required, default, "AtLeast(Hazard.Custom3)").Build();

        var schema = PreferencesSchema.Create(registry, PolicyContext.In("EU"));
        var items = schema["properties"]![PolicyAsCode.Json.PreferenceNames.JsonName(hazards.Name)]!["items"]!["enum"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Contains("Custom3", items);
        Assert.DoesNotContain("Custom4", items);
    }

    private static System.Collections.Generic.List<string?> Offered(PolicyRegistry registry)
    {
        var hazards = registry.Dimensions.Single(d => d.IsHazardSet);
        JsonObject schema = PreferencesSchema.Create(registry, PolicyContext.In("EU"));
        return schema["properties"]![PolicyAsCode.Json.PreferenceNames.JsonName(hazards.Name)]!["items"]!["enum"]!.AsArray().Select(n => (string?)n).ToList();
    }
}
