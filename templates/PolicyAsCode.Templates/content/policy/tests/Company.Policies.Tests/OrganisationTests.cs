namespace Company.Policies.Tests;

/// <summary>
/// What the organisation's tier says to the people it affects: every bound gives its reason (its behaviour is in
/// cases/organisation.yaml).
/// </summary>
public class OrganisationTests
{
    [Fact]
    public void Organisation_caps_maturity_at_teen_and_says_why()
    {
        var resolution = UserPreferences.Resolve(new UserPreferences { Maturity = Maturity.Mature }, Contexts.Adult());

        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal(TierRank.Organisation, adjustment.Tier?.Rank);
        Assert.Contains("everyone from 13", adjustment.Explain());
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
