namespace Company.Policies.Tests;

/// <summary>What the law of the UK adds to the organisation's bounds.</summary>
public class UkLawTests
{
    [Fact]
    public void No_memory_of_personal_data_without_consent()
    {
        var asked = new UserPreferences { MemoryDays = 7 };

        Assert.Equal(0, UserPreferences.Resolve(asked, Contexts.Adult("UK")).Effective.MemoryDays);
        Assert.Equal(7, UserPreferences.Resolve(asked, Contexts.Adult("UK").With(Fact.ConsentsToMemory, true)).Effective.MemoryDays);
    }

    [Fact]
    public void Minors_are_protected_from_self_harm_content()
    {
        var decision = UserPreferences.Decide(UserPreferences.Resolve(new UserPreferences(), Contexts.Minor("UK")), Hazard.SuicideAndSelfHarm);

        Assert.False(decision.IsAllowed);
        Assert.Equal("UK", decision.Tier?.Jurisdiction);
    }
}
