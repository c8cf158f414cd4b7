namespace Company.Policies.Tests;

/// <summary>What the law of the EU adds to the organisation's bounds.</summary>
public class EuLawTests
{
    [Fact]
    public void No_memory_of_personal_data_without_consent()
    {
        var asked = new UserPreferences { MemoryDays = 7 };

        var withoutConsent = UserPreferences.Resolve(asked, Contexts.Adult("EU"));
        var withConsent = UserPreferences.Resolve(asked, Contexts.Adult("EU").With(Fact.ConsentsToMemory, true));

        Assert.Equal(0, withoutConsent.Effective.MemoryDays);
        Assert.Equal("EU", Assert.Single(withoutConsent.Adjustments).Tier?.Jurisdiction);
        Assert.Equal(7, withConsent.Effective.MemoryDays);
    }

    [Fact]
    public void Minors_are_not_shown_sexual_content()
    {
        var decision = UserPreferences.Decide(UserPreferences.Resolve(new UserPreferences(), Contexts.Minor("EU")), Hazard.SexualContent);

        Assert.False(decision.IsAllowed);
        Assert.Equal("EU", decision.Tier?.Jurisdiction);
        Assert.True(UserPreferences.Decide(UserPreferences.Resolve(new UserPreferences(), Contexts.Adult("EU")), Hazard.SexualContent).IsAllowed);
    }
}
