using System;
using System.Linq;
using System.Text.Json;
using PolicyAsCode.Documents;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests.Learning;

/// <summary>Issue 18, point 5: the card's alignment section says what may be learned where, within what, and links the datasheet.</summary>
public sealed class AlignmentSectionTests
{
    [Fact]
    public void The_section_names_what_is_learnable_per_jurisdiction_and_which_tier_switches_learning_off()
    {
        var alignment = PolicyCard.Create(LearnerPreferences.Registry).Alignment;

        Assert.Null(alignment.Datasheet);
        Assert.Equal(["EU", "US", "DE", "US-CA"], alignment.Jurisdictions.Select(j => j.Name));
        var de = alignment.Jurisdictions.Single(j => j.Name == "DE");
        var tone = de.Dimensions.Single(d => d.Dimension == "Tone");
        Assert.Equal((false, "law of EU", (string?)null), (tone.Learnable, tone.OffBy, tone.Within));
        var us = alignment.Jurisdictions.Single(j => j.Name == "US");
        Assert.Equal((true, "Neutral, Friendly or Playful"), (us.Dimensions.Single(d => d.Dimension == "Tone").Learnable, us.Dimensions.Single(d => d.Dimension == "Tone").Within));

        // The LearnWithin range met with the bounds: Verbosity to Concise or Balanced, Creativity to the organisation's 0.8.
        var verbosity = us.Dimensions.Single(d => d.Dimension == "Verbosity");
        Assert.Equal(("Concise or Balanced", "organisation contoso-learning's LearnWithin(Verbosity.Concise, Verbosity.Balanced)"), (verbosity.Within, verbosity.Range));
        Assert.Equal("from 0 to 0.8", us.Dimensions.Single(d => d.Dimension == "Creativity").Within);
        Assert.DoesNotContain(us.Dimensions, d => d.Dimension == "Maturity");
    }

    [Fact]
    public void The_datasheet_link_is_a_card_option_in_markdown_and_json_and_follows_a_single_jurisdiction()
    {
        var card = PolicyCard.Create(LearnerPreferences.Registry, new PolicyCardOptions("https://example.org/feedback-datasheet.md"));

        Assert.Contains("the feedback datasheet is published at https://example.org/feedback-datasheet.md.", card.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("no datasheet published", PolicyCard.Create(LearnerPreferences.Registry).ToMarkdown(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(card.ToJson());
        Assert.Equal("https://example.org/feedback-datasheet.md", json.RootElement.GetProperty("alignment").GetProperty("datasheet").GetString());

        var us = card.For("us");
        Assert.Equal(["US"], us.Alignment.Jurisdictions.Select(j => j.Name));
        Assert.Contains("### Learning in US", us.ToMarkdown(), StringComparison.Ordinal);
        Assert.DoesNotContain("### Learning in EU", us.ToMarkdown(), StringComparison.Ordinal);
    }
}
