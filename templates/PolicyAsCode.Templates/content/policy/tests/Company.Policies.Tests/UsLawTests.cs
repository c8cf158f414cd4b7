namespace Company.Policies.Tests;

/// <summary>What the law of the US adds to the organisation's bounds.</summary>
public class UsLawTests
{
    [Fact]
    public void No_memory_of_childrens_personal_data()
    {
        var asked = new UserPreferences { MemoryDays = 7 };

        var minor = UserPreferences.Resolve(asked, Contexts.Minor("US"));
        var adult = UserPreferences.Resolve(asked, Contexts.Adult("US"));

        Assert.Equal(0, minor.Effective.MemoryDays);
        Assert.Equal("US", Assert.Single(minor.Adjustments).Tier?.Jurisdiction);
        Assert.Equal(7, adult.Effective.MemoryDays);
    }

    [Fact]
    public void Minors_are_not_shown_sexual_content()
    {
        var decision = UserPreferences.Decide(UserPreferences.Resolve(new UserPreferences(), Contexts.Minor("US")), Hazard.SexualContent);

        Assert.False(decision.IsAllowed);
        Assert.Equal("US", decision.Tier?.Jurisdiction);
    }
}
