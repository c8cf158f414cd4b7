namespace Company.Policies.Tests;

/// <summary>
/// What the law of DE adds, within the law of the EU, as a user reads it (its behaviour is in cases/de-law.yaml).
/// </summary>
public class DeLawTests
{
    [Fact]
    public void The_explanation_names_the_law_of_DE_within_EU_and_its_reason()
    {
        var asked = new UserPreferences { MemoryDays = 7 };
        var consentingMinor = Contexts.Minor("DE").With(Fact.ConsentsToMemory, true);

        var inDe = UserPreferences.Resolve(asked, consentingMinor);

        var adjustment = Assert.Single(inDe.Adjustments);
        Assert.Equal("DE", adjustment.Tier?.Jurisdiction);
        Assert.Equal(["EU"], adjustment.Tier?.EnclosingLaws);
        Assert.Contains("law of DE within EU", adjustment.Explain());
        Assert.Contains("youth protection", adjustment.Explain());
    }
}
