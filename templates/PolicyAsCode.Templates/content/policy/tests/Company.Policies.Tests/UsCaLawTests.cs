namespace Company.Policies.Tests;

/// <summary>What the law of US-CA adds, within the law of the US: a request in US-CA gets both, a request in US only US law.</summary>
public class UsCaLawTests
{
    [Fact]
    public void A_minor_in_US_CA_is_told_it_is_an_AI_even_in_a_role_play()
    {
        var asked = new UserPreferences { DiscloseAi = false };
        var minorInRolePlay = Contexts.Minor("US-CA").With(Fact.RolePlay, true);

        var inCa = UserPreferences.Resolve(asked, minorInRolePlay);

        Assert.True(inCa.Effective.DiscloseAi);
        var adjustment = Assert.Single(inCa.Adjustments, a => a.Cause == AdjustmentCause.Clamped);
        Assert.Equal("US-CA", adjustment.Tier?.Jurisdiction);
        Assert.Equal(["US"], adjustment.Tier?.EnclosingLaws);
        Assert.Contains("law of US-CA within US", adjustment.Explain());
    }

    [Fact]
    public void In_US_only_US_law_applies_and_its_waiver_holds()
    {
        var asked = new UserPreferences { DiscloseAi = false };

        var inUs = UserPreferences.Resolve(asked, Contexts.Minor("US").With(Fact.RolePlay, true));

        Assert.False(inUs.Effective.DiscloseAi);
        Assert.All(inUs.Adjustments, a => Assert.Equal(AdjustmentCause.Waived, a.Cause));
    }

    [Fact]
    public void A_waiver_US_law_delegates_stays_delegated_in_US_CA_for_adults()
    {
        var asked = new UserPreferences { DiscloseAi = false };

        var adultInRolePlay = UserPreferences.Resolve(asked, Contexts.Adult("US-CA").With(Fact.RolePlay, true));

        Assert.False(adultInRolePlay.Effective.DiscloseAi);
        Assert.Contains(adultInRolePlay.Adjustments, a => a.Cause == AdjustmentCause.Waived && a.Tier?.Jurisdiction == "US");
    }

    [Fact]
    public void US_law_applies_in_US_CA_too()
    {
        var minor = UserPreferences.Resolve(new UserPreferences { MemoryDays = 7 }, Contexts.Minor("US-CA"));

        Assert.Equal(0, minor.Effective.MemoryDays);
        Assert.Equal("US", Assert.Single(minor.Adjustments).Tier?.Jurisdiction);
    }
}
