using System;
using System.Linq;
using System.Text.Json;
using CsCheck;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Interpretation;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>The card names everything an auditor must see, in Markdown and in JSON, for the QuickStart policy and random ones.</summary>
public sealed class CardTests
{
    private static readonly PolicyRegistry QuickStart = LearnerPreferences.Registry;

    [Fact]
    public void The_markdown_names_every_dimension_bound_reason_hazard_and_waiver_of_the_quickstart_policy() => AssertComplete(QuickStart);

    [Fact]
    public void The_markdown_of_random_policies_is_complete_and_both_renderings_are_deterministic() =>
        RandomPolicies.Registry.Sample(
            registry =>
            {
                AssertComplete(registry);
                Assert.Equal(PolicyCard.Create(registry).ToJson(), PolicyCard.Create(registry).ToJson());
                using var parsed = JsonDocument.Parse(PolicyCard.Create(registry).ToJson());
            },
            iter: 100);

    [Fact]
    public void The_json_card_has_the_expected_structure()
    {
        using var card = JsonDocument.Parse(PolicyCard.Create(QuickStart).ToJson());
        var root = card.RootElement;
        Assert.Equal("QuickStart.Policies.LearnerPreferences", root.GetProperty("policy").GetString());
        Assert.Equal("LearnerPreferences", root.GetProperty("userTier").GetString());
        Assert.Equal(["contoso-learning"], root.GetProperty("organisations").EnumerateArray().Select(e => e.GetString()));
        var jurisdictions = root.GetProperty("jurisdictions").EnumerateArray().ToArray();
        Assert.Equal(["EU", "US", "DE", "US-CA"], jurisdictions.Select(j => j.GetProperty("jurisdiction").GetString()));

        var eu = jurisdictions[0];
        Assert.Equal(["law of EU", "organisation contoso-learning", "user tier LearnerPreferences"], eu.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(QuickStart.Dimensions.Select(d => PreferenceNames.JsonName(d.Name)), eu.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("jsonName").GetString()));

        var memory = eu.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "MemoryDays");
        Assert.Equal("exactly 0", memory.GetProperty("allows").GetString());
        Assert.Equal("0", memory.GetProperty("default").GetString());
        var consent = memory.GetProperty("whenFacts").EnumerateArray().Single();
        Assert.Equal("the user consented to the assistant remembering personal data", consent.GetProperty("fact").GetString());
        Assert.Equal("from 0 to 14", consent.GetProperty("allows").GetString());
        var locked = memory.GetProperty("bounds")[1];
        Assert.Equal("law of EU", locked.GetProperty("tier").GetString());
        Assert.Equal("law", locked.GetProperty("rank").GetString());
        Assert.Equal("Locked(0)", locked.GetProperty("source").GetString());
        Assert.Equal("unless the user consented to the assistant remembering personal data", locked.GetProperty("condition").GetString());
        Assert.Equal("no memory of personal data without consent", locked.GetProperty("reason").GetString());
        Assert.Equal("risk.individual.privacy-infringement", locked.GetProperty("mitigates")[0].GetProperty("id").GetString());

        var forbids = eu.GetProperty("forbids").EnumerateArray().ToArray();
        Assert.Equal(["hazard.S4", "hazard.S9"], forbids[0].GetProperty("hazards").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal("when the user is a minor", forbids[1].GetProperty("condition").GetString());
        Assert.Equal("avoidHazards", forbids[^1].GetProperty("userList").GetString());

        var waiver = eu.GetProperty("waivers").EnumerateArray().Single();
        Assert.Equal("DiscloseAi", waiver.GetProperty("dimension").GetString());
        Assert.Equal("law of EU", waiver.GetProperty("waivedTier").GetString());
        Assert.Equal("Locked(true)", waiver.GetProperty("bounds").GetString());
        Assert.Equal("user tier LearnerPreferences", waiver.GetProperty("claimant").GetString());
        Assert.Equal("when the user set up a role-play or fiction session", waiver.GetProperty("condition").GetString());
        Assert.True(waiver.GetProperty("isDelegated").GetBoolean());

        var us = jurisdictions[1];
        Assert.Empty(us.GetProperty("waivers").EnumerateArray());
        Assert.DoesNotContain(us.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("bounds").EnumerateArray()),
            b => b.GetProperty("tier").GetString() == "law of EU");

        // DE is within EU: EU law and DE law both apply there, each bound naming its level; EU law's delegated waiver holds.
        var de = jurisdictions[2];
        Assert.Equal(["EU"], de.GetProperty("within").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["law of EU", "law of DE within EU"], de.GetProperty("laws").EnumerateArray().Select(e => e.GetString()));
        var deMemory = de.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "MemoryDays");
        Assert.Equal(["law of EU", "law of EU", "law of DE within EU", "organisation contoso-learning", "user tier LearnerPreferences"],
            deMemory.GetProperty("bounds").EnumerateArray().Select(b => b.GetProperty("tier").GetString()));
        Assert.Equal("law of EU", de.GetProperty("waivers").EnumerateArray().Single().GetProperty("waivedTier").GetString());
        Assert.Empty(eu.GetProperty("within").EnumerateArray());
        Assert.DoesNotContain(eu.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("bounds").EnumerateArray()),
            b => b.GetProperty("tier").GetString() == "law of DE within EU");
    }

    [Fact]
    public void The_card_model_reports_allowed_bounds_from_the_interpreter()
    {
        var card = PolicyCard.Create(QuickStart);
        var us = card.Jurisdictions.Single(j => j.Name == "US");
        var memory = us.Dimensions.Single(d => d.Name == "MemoryDays");
        Assert.Equal("exactly 0", memory.Allows); // a minor's Locked(0) applies while age is unknown
        Assert.Equal("from 0 to 14", memory.AllowsWhenNoFactHolds);
        Assert.Equal("law of US", memory.Bounds[0].Tier);
        Assert.Equal(TierRank.Immutable, memory.Bounds[0].Rank);
        Assert.Equal("when the user is a minor", memory.Bounds[0].Condition);
    }

    [Fact]
    public void Output_uses_only_newlines_and_ends_with_one()
    {
        var card = PolicyCard.Create(QuickStart);
        foreach (var text in new[] { card.ToMarkdown(), card.ToJson(), PreferencesSchema.ToText(QuickStart, PolicyContext.In("EU")) })
        {
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        }
    }

    private static void AssertComplete(PolicyRegistry registry)
    {
        var markdown = PolicyCard.Create(registry).ToMarkdown();
        var json = PolicyCard.Create(registry).ToJson();
        foreach (var jurisdiction in registry.Jurisdictions)
        {
            Assert.Contains("## In " + jurisdiction, markdown, StringComparison.Ordinal);
        }

        foreach (var dimension in registry.Dimensions)
        {
            Assert.Contains("#### " + dimension.Name + "\n", markdown, StringComparison.Ordinal);
            Assert.Contains("`" + PreferenceNames.JsonName(dimension.Name) + "`", markdown, StringComparison.Ordinal);
        }

        foreach (var bound in registry.Bounds)
        {
            Assert.Contains("`" + bound.Source + "`", markdown, StringComparison.Ordinal);
            if (bound.Reason is { Length: > 0 } reason)
            {
                Assert.Contains(reason[1..], markdown, StringComparison.Ordinal); // the first letter may be capitalised
                Assert.Contains(JsonEncodedText.Encode(reason, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), json, StringComparison.Ordinal);
            }
        }

        foreach (var rule in registry.Forbids)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                var hazard = (Hazard)(1UL << bit);
                if ((rule.Hazards & hazard) != 0 && Taxonomy.Describe(hazard) is { } entry)
                {
                    Assert.Contains(entry.Title + " (" + Taxonomy.CodeOf(hazard) + ")", markdown, StringComparison.Ordinal);
                    Assert.Contains("\"" + entry.Id + "\"", json, StringComparison.Ordinal);
                }
            }

            if (rule.Reason is { Length: > 0 } reason)
            {
                Assert.Contains(reason[1..], markdown, StringComparison.Ordinal);
            }
        }

        foreach (var claim in registry.Waivers)
        {
            Assert.Contains(" on " + registry.Dimensions[claim.Dimension].Name, markdown, StringComparison.Ordinal);
        }
    }
}
