namespace Company.Policies.Tests;

/// <summary>
/// What the law of US-CA adds, within the law of the US, as a user reads it (its behaviour is in cases/us-ca-law.yaml).
/// </summary>
public class UsCaLawTests
{
    [Fact]
    public void The_explanation_names_the_law_of_US_CA_within_US()
    {
        var asked = new UserPreferences { DiscloseAi = false };
        var minorInRolePlay = Contexts.Minor("US-CA").With(Fact.RolePlay, true);

        var inCa = UserPreferences.Resolve(asked, minorInRolePlay);

        var adjustment = Assert.Single(inCa.Adjustments, a => a.Cause == AdjustmentCause.Clamped);
        Assert.Equal("US-CA", adjustment.Tier?.Jurisdiction);
        Assert.Equal(["US"], adjustment.Tier?.EnclosingLaws);
        Assert.Contains("law of US-CA within US", adjustment.Explain());
        Assert.Contains("SB 243", adjustment.Explain());
    }
}
