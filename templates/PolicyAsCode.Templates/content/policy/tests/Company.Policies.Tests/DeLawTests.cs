namespace Company.Policies.Tests;

/// <summary>What the law of DE adds, within the law of the EU: a request in DE gets both, a request in EU only EU law.</summary>
public class DeLawTests
{
    [Fact]
    public void A_minors_personal_data_is_not_remembered_in_DE_even_with_consent()
    {
        var asked = new UserPreferences { MemoryDays = 7 };
        var consentingMinor = Contexts.Minor("DE").With(Fact.ConsentsToMemory, true);

        var inDe = UserPreferences.Resolve(asked, consentingMinor);

        Assert.Equal(0, inDe.Effective.MemoryDays);
        var adjustment = Assert.Single(inDe.Adjustments);
        Assert.Equal("DE", adjustment.Tier?.Jurisdiction);
        Assert.Equal(["EU"], adjustment.Tier?.EnclosingLaws);
        Assert.Contains("law of DE within EU", adjustment.Explain());
        Assert.Contains("youth protection", adjustment.Explain());
    }

    [Fact]
    public void In_EU_only_EU_law_applies()
    {
        var asked = new UserPreferences { MemoryDays = 7 };

        var inEu = UserPreferences.Resolve(asked, Contexts.Minor("EU").With(Fact.ConsentsToMemory, true));

        Assert.Equal(7, inEu.Effective.MemoryDays);
        Assert.False(inEu.IsAdjusted, string.Join("; ", inEu.Adjustments.Select(a => a.Explain())));
    }

    [Fact]
    public void EU_law_applies_in_DE_too()
    {
        var asked = new UserPreferences { MemoryDays = 7 };

        var withoutConsent = UserPreferences.Resolve(asked, Contexts.Adult("DE"));
        var minor = UserPreferences.Decide(UserPreferences.Resolve(new UserPreferences(), Contexts.Minor("DE")), Hazard.SexualContent);

        Assert.Equal(0, withoutConsent.Effective.MemoryDays);
        Assert.Equal("EU", Assert.Single(withoutConsent.Adjustments).Tier?.Jurisdiction);
        Assert.False(minor.IsAllowed);
        Assert.Equal("EU", minor.Tier?.Jurisdiction);
    }

    [Fact]
    public void An_adult_who_consents_is_remembered_in_DE_as_in_EU()
    {
        var asked = new UserPreferences { MemoryDays = 7 };
        var consentingAdult = Contexts.Adult("DE").With(Fact.ConsentsToMemory, true);

        Assert.Equal(7, UserPreferences.Resolve(asked, consentingAdult).Effective.MemoryDays);
    }
}
