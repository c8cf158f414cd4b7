namespace Company.Policies.Tests;

/// <summary>What the organisation's tier and the users' own choices do, in every jurisdiction it serves.</summary>
public class OrganisationTests
{
    [Fact]
    public void User_defaults_need_no_adjustment()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences(), Contexts.Adult());

        Assert.False(resolution.IsAdjusted, string.Join("; ", resolution.Adjustments.Select(a => a.Explain())));
        Assert.Equal(new UserPreferences(), resolution.Effective);
    }

    [Fact]
    public void Organisation_caps_maturity_at_teen_and_says_why()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences { Maturity = Maturity.Mature }, Contexts.Adult());

        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal(AdjustmentCause.Clamped, adjustment.Cause);
        Assert.Equal(TierRank.Organisation, adjustment.Tier?.Rank);
        Assert.Contains("everyone from 13", adjustment.Explain());
    }

    [Fact]
    public void Organisation_keeps_a_calm_voice_for_minors_and_anyone_whose_age_is_unknown()
    {
        var playful = new UserPreferences { Tone = Tone.Playful };

        Assert.Equal(Tone.Playful, UserPreferences.Resolve(playful, Contexts.Adult()).Effective.Tone);
        Assert.Equal(Tone.Friendly, UserPreferences.Resolve(playful, Contexts.Minor()).Effective.Tone);
        Assert.Equal(Tone.Friendly, UserPreferences.Resolve(playful, PolicyContext.In(Contexts.Home)).Effective.Tone);
    }

    [Fact]
    public void Nobody_gets_sarcasm()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences { Tone = Tone.Sarcastic }, Contexts.Adult());

        Assert.Equal(Tone.Playful, resolution.Effective.Tone);
    }

    [Fact]
    public void Organisation_keeps_memory_to_two_weeks()
    {
        var consenting = Contexts.Adult().With(Fact.ConsentsToMemory, true);
        var resolution = UserPreferences.Resolve(new UserPreferences { MemoryDays = 60 }, consenting);

        Assert.Equal(14, resolution.Effective.MemoryDays);
    }

    [Fact]
    public void Organisation_refuses_voting_and_specialised_advice()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences(), Contexts.Adult());

        var decision = UserPreferences.Decide(resolution, Hazard.Elections);

        Assert.False(decision.IsAllowed);
        Assert.Equal(TierRank.Organisation, decision.Tier?.Rank);
        Assert.False(UserPreferences.Decide(resolution, Hazard.SpecializedAdvice).IsAllowed);
        Assert.True(UserPreferences.Decide(resolution, Hazard.None).IsAllowed);
    }

    [Fact]
    public void Users_may_waive_ai_disclosure_only_in_a_role_play()
    {
        var asked = new UserPreferences { DiscloseAi = false };

        var everyday = UserPreferences.Resolve(asked, Contexts.Adult());
        var rolePlay = UserPreferences.Resolve(asked, Contexts.Adult().With(Fact.RolePlay, true));

        Assert.True(everyday.Effective.DiscloseAi);
        Assert.All(everyday.Adjustments, a => Assert.Equal(AdjustmentCause.Clamped, a.Cause));
        Assert.False(rolePlay.Effective.DiscloseAi);
        Assert.Contains(rolePlay.Adjustments, a => a.Cause == AdjustmentCause.Waived);
    }

    [Fact]
    public void Users_can_refuse_more_hazards_never_fewer()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences { AvoidHazards = Hazard.Hate }, Contexts.Adult());

        Assert.False(UserPreferences.Decide(resolution, Hazard.Hate).IsAllowed);
        Assert.False(UserPreferences.Decide(resolution, Hazard.ChildSexualExploitation).IsAllowed);
    }

    [Fact]
    public void Unknown_jurisdiction_and_unknown_age_fail_closed()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences { Maturity = Maturity.Mature }, PolicyContext.In(null));

        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        Assert.False(UserPreferences.Decide(resolution, Hazard.SexualContent).IsAllowed);
    }

    [Fact]
    public void Every_bound_of_the_law_and_the_organisation_says_why()
    {
        var registry = UserPreferences.Registry;

        Assert.All(registry.Bounds.Where(b => registry.TierOf(b).Rank != TierRank.User), b => Assert.False(string.IsNullOrWhiteSpace(b.Reason), b.Source));
        Assert.All(registry.Forbids.Where(f => f.Dimension is null), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.All(registry.Dimensions, d => Assert.False(d.Enables.IsDefaultOrEmpty && d.Mitigates.IsDefaultOrEmpty, d.Name));
    }
}
