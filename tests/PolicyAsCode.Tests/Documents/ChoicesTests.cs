using System;
using System.Linq;
using System.Text.Json.Nodes;
using PolicyAsCode.Documents.Tests.Support;
using PolicyAsCode.Json;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>What the QuickStart policy offers on each dimension in a context, and the reason given for what it does not.</summary>
public sealed class ChoicesTests
{
    private static PolicyRegistry Registry => LearnerPreferences.Registry;

    private static readonly PolicyContext EuMinor = PolicyContext.In("EU").With(Fact.Minor, true);

    private static DimensionChoices Of(PreferenceChoices choices, string name) => choices.Dimensions.Single(d => d.Dimension.Name == name);

    private static ChoiceOption Option(DimensionChoices dimension, string label) => dimension.Options.Single(o => o.Label == label);

    [Fact]
    public void A_minor_in_the_eu_is_not_offered_mature_content_by_the_law_of_the_eu()
    {
        var maturity = Of(PreferenceChoices.Create(Registry, EuMinor), nameof(LearnerPreferences.Maturity));

        Assert.Equal(["General", "Teen", "Mature"], maturity.Options.Select(o => o.Label));
        Assert.Equal([true, true, false], maturity.Options.Select(o => o.Allowed));
        var mature = Option(maturity, "Mature").ExcludedBy!;
        Assert.Equal("law of EU", mature.Tier!.ToString());
        Assert.Equal(TierRank.Immutable, mature.Tier.Rank);
        Assert.Equal("minors get at most teen content", mature.Reason);
        Assert.Equal("AtMost(Maturity.Teen) when Minor", mature.Bound);
        Assert.Equal(
            "Maturity: asked Mature, granted Teen by law of EU's AtMost(Maturity.Teen) (when Minor): minors get at most teen content [mitigates risk.individual.manipulation-of-the-vulnerable]",
            mature.Explanation);
        Assert.Null(Option(maturity, "Teen").ExcludedBy);
        Assert.Equal("choice", maturity.Kind);
        Assert.Equal("Maturity", maturity.Title);
        Assert.Equal("maturity", maturity.JsonName);
        Assert.Equal(
            ["law of EU (AtMost(Maturity.Mature))", "law of EU (AtMost(Maturity.Teen), when the user is a minor)", "organisation contoso-learning (AtMost(Maturity.Teen))"],
            maturity.BoundedBy.ToArray());
    }

    [Fact]
    public void The_exclusion_is_the_adjustment_resolution_makes_when_the_value_is_asked_for()
    {
        var requested = LearnerPreferences.Defaults(EuMinor) with { Maturity = Maturity.Mature };
        var resolution = LearnerPreferences.Resolve(requested, EuMinor, DimensionSet.Empty);
        var adjustment = resolution.Adjustments.Single(a => a.Dimension.Name == nameof(LearnerPreferences.Maturity));

        var excluded = Option(Of(PreferenceChoices.Create(Registry, EuMinor), nameof(LearnerPreferences.Maturity)), "Mature").ExcludedBy!;

        Assert.Equal(adjustment, excluded.Adjustment);
        Assert.Equal(adjustment.Explain(), excluded.Explanation);
    }

    [Theory]
    [InlineData("EU")] // an adult, or nothing known: the organisation's bound is the one Mature breaks first
    [InlineData("US")]
    public void Where_only_the_organisation_bounds_mature_content_its_reason_is_given(string jurisdiction)
    {
        var context = PolicyContext.In(jurisdiction).With(Fact.Minor, false);
        var choices = PreferenceChoices.Create(Registry, context);

        var mature = Option(Of(choices, nameof(LearnerPreferences.Maturity)), "Mature").ExcludedBy!;
        Assert.Equal("organisation contoso-learning", mature.Tier!.ToString());
        Assert.Equal("the service is for learners from 13", mature.Reason);
        Assert.Equal("AtMost(Maturity.Teen)", mature.Bound);

        var sarcastic = Option(Of(choices, nameof(LearnerPreferences.Tone)), "Sarcastic").ExcludedBy!;
        Assert.Equal("sarcasm discourages learners", sarcastic.Reason);
        Assert.Equal(TierRank.Organisation, sarcastic.Tier!.Rank);
    }

    [Fact]
    public void With_nothing_known_in_the_eu_the_minor_bound_applies_as_resolution_assumes()
    {
        var mature = Option(Of(PreferenceChoices.Create(Registry, PolicyContext.In("EU")), nameof(LearnerPreferences.Maturity)), "Mature").ExcludedBy!;

        Assert.Equal("law of EU", mature.Tier!.ToString());
        Assert.Equal("minors get at most teen content", mature.Reason);
    }

    [Fact]
    public void Memory_days_are_ranged_with_the_bound_met_just_below_and_just_above()
    {
        var consentingAdult = PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);
        var memory = Of(PreferenceChoices.Create(Registry, consentingAdult), nameof(LearnerPreferences.MemoryDays));

        Assert.Equal("Memory days", memory.Title);
        Assert.Equal("integer", memory.Kind);
        Assert.Empty(memory.Options);
        var range = memory.Range!;
        Assert.Equal((0.0, 14.0, (double)int.MinValue, (double)int.MaxValue), (range.Minimum, range.Maximum, range.DomainMinimum, range.DomainMaximum));

        // -1 breaks the EU's storage limit first (laws come before the organisation); 15 breaks the organisation's cap.
        Assert.Equal("law of EU", range.BelowMinimum!.Tier!.ToString());
        Assert.Equal("Between(0, 30)", range.BelowMinimum.Bound);
        Assert.Equal(DimensionValue.OfNumber(-1), range.BelowMinimum.Adjustment.Requested);
        Assert.Equal("organisation contoso-learning", range.AboveMaximum!.Tier!.ToString());
        Assert.Equal("lessons need two weeks of context at most", range.AboveMaximum.Reason);
        Assert.Equal(DimensionValue.OfNumber(15), range.AboveMaximum.Adjustment.Requested);
    }

    [Fact]
    public void Without_consent_in_the_eu_memory_is_locked_at_zero_by_the_law_and_says_why()
    {
        var memory = Of(PreferenceChoices.Create(Registry, PolicyContext.In("EU")), nameof(LearnerPreferences.MemoryDays)).Range!;

        Assert.Equal((0.0, 0.0), (memory.Minimum, memory.Maximum));
        Assert.Equal("no memory of personal data without consent", memory.AboveMaximum!.Reason);
        Assert.Equal("Locked(0) unless ConsentsToMemory", memory.AboveMaximum.Bound);
    }

    [Fact]
    public void A_real_range_cites_the_bounds_met_beyond_its_ends_with_round_numbers()
    {
        var creativity = Of(PreferenceChoices.Create(Registry, PolicyContext.In("US")), nameof(LearnerPreferences.Creativity));

        Assert.Equal("number", creativity.Kind);
        Assert.Equal(0.8, creativity.Range!.Maximum);
        Assert.Equal(1.8, creativity.Range.AboveMaximum!.Adjustment.Requested.Number); // as the next double up would: the organisation's AtMost(0.8)
        Assert.Equal("explanations stay factual", creativity.Range.AboveMaximum.Reason);

        // The user tier's own Between(0.0, 1.0) sets the minimum: a user's own bound, without a reason.
        Assert.Equal(TierRank.User, creativity.Range.BelowMinimum!.Tier!.Rank);
        Assert.Null(creativity.Range.BelowMinimum.Reason);
        Assert.Equal(-1, creativity.Range.BelowMinimum.Adjustment.Requested.Number);
    }

    [Fact]
    public void Each_flag_is_an_option_excluded_when_asking_for_it_is_clamped()
    {
        var topics = Of(PreferenceChoices.Create(Registry, EuMinor), nameof(LearnerPreferences.Topics));

        Assert.Equal("set", topics.Kind);
        Assert.Equal(["Science", "History", "Health", "Finance", "Politics", "Romance"], topics.Options.Select(o => o.Label));
        Assert.Equal([true, true, true, true, false, false], topics.Options.Select(o => o.Allowed));
        Assert.All(topics.Options, o => Assert.False(o.Required));

        // Romance breaks the EU's bound for minors first; Politics only the organisation's.
        var romance = Option(topics, "Romance").ExcludedBy!;
        Assert.Equal("no romance topics with minors", romance.Reason);
        Assert.Equal(DimensionValue.OfMask((ulong)(Topics.Science | Topics.Romance)), romance.Adjustment.Requested);
        Assert.Equal(DimensionValue.OfMask((ulong)Topics.Science), romance.Adjustment.Granted);
        Assert.Equal("no persuasive political content", Option(topics, "Politics").ExcludedBy!.Reason);
    }

    [Fact]
    public void A_role_play_waives_ai_disclosure_and_elsewhere_the_law_keeps_it()
    {
        var locked = Of(PreferenceChoices.Create(Registry, PolicyContext.In("EU")), nameof(LearnerPreferences.DiscloseAi));
        Assert.Equal("boolean", locked.Kind);
        Assert.Equal("Disclose ai", locked.Title);
        Assert.Equal(["false", "true"], locked.Options.Select(o => o.Label));
        Assert.StartsWith("AI Act", Option(locked, "false").ExcludedBy!.Reason);
        Assert.True(Option(locked, "true").Allowed);

        var rolePlay = Of(PreferenceChoices.Create(Registry, PolicyContext.In("EU").With(Fact.RolePlay, true)), nameof(LearnerPreferences.DiscloseAi));
        Assert.All(rolePlay.Options, o => Assert.True(o.Allowed));
    }

    [Fact]
    public void Dimensions_carry_their_defaults_links_and_descriptions()
    {
        var choices = PreferenceChoices.Create(Registry, PolicyContext.In("DE"));

        Assert.Equal("DE", choices.Jurisdiction);
        Assert.Equal("DE within EU", choices.Where);
        var language = Of(choices, nameof(LearnerPreferences.Language));
        Assert.Equal("text", language.Kind);
        Assert.Equal("The language of answers", language.Description);
        Assert.Equal(["benefit.societal.inclusion-and-access", "benefit.societal.diversity-of-representation"], language.Enables.Select(l => l.Id));
        Assert.Equal("the languages the tutors are reviewed in", Option(language, "nl").ExcludedBy!.Reason);
        var avoid = Of(choices, nameof(LearnerPreferences.AvoidHazards));
        Assert.Equal("Avoid hazards", avoid.Title);
        Assert.All(avoid.Options, o => Assert.True(o.Allowed));
        Assert.Empty(avoid.BoundedBy);
    }

    [Fact]
    public void An_unmatched_jurisdiction_applies_every_law_and_says_so()
    {
        var choices = PreferenceChoices.Create(Registry, PolicyContext.In("FR"));

        Assert.Null(choices.Jurisdiction);
        Assert.Equal("any jurisdiction (every law applies)", choices.Where);
        Assert.Equal("nothing is known about the user", choices.ContextText);
    }

    [Theory]
    [InlineData("MemoryDays", "Memory days")]
    [InlineData("DiscloseAi", "Disclose ai")]
    [InlineData("HTMLLevel", "HTML level")]
    [InlineData("maxTokens", "Max tokens")]
    [InlineData("Reading_Level", "Reading level")]
    [InlineData("X", "X")]
    [InlineData("Level2Days", "Level2 days")]
    public void A_dimension_title_splits_its_name_into_words(string name, string title) => Assert.Equal(title, PreferenceNames.Title(name));
}
