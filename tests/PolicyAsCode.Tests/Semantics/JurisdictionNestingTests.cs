using System.Collections.Immutable;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// Which laws apply where when laws sit within laws (issue 14), as <see cref="PolicyShape"/> answers it from
/// <see cref="JurisdictionNesting"/>: EU law applies in DE and DE-BY, DE law in DE-BY but not in EU, US law beside EU
/// law in neither; a request in no known jurisdiction applies every law.
/// </summary>
public sealed class JurisdictionNestingTests
{
    // Tiers: 0 EU; 1 DE within EU; 2 DE-BY within DE; 3 US; 4 an organisation under DE and US; 5 the user tier.
    // Jurisdictions in tier order: EU 0, DE 1, DE-BY 2, US 3.
    private static readonly PolicyShape Europe = Shape(
        Law("EU"), Law("DE", 0), Law("DE-BY", 1), Law("US"),
        new ShapeTier(TierRank.Organisation, "acme", [1, 3]), new ShapeTier(TierRank.User, "Prefs", [4]));

    private const int Eu = 0, De = 1, DeBy = 2, Us = 3, Organisation = 4, User = 5;

    [Fact]
    public void A_request_applies_its_jurisdictions_law_and_the_law_of_every_jurisdiction_it_sits_within()
    {
        Assert.Equal(["EU", "DE", "DE-BY", "US"], Europe.Jurisdictions.ToArray());
        Assert.Equal([Eu, De, Organisation, User], Applying(Europe, De));
        Assert.Equal([Eu, De, DeBy, Organisation, User], Applying(Europe, DeBy));
        Assert.Equal([Us, Organisation, User], Applying(Europe, Us));
    }

    [Fact]
    public void A_request_in_the_supra_national_jurisdiction_applies_its_law_only()
    {
        Assert.Equal([Eu, Organisation, User], Applying(Europe, Eu));
    }

    [Fact]
    public void A_request_in_no_known_jurisdiction_applies_every_law()
    {
        Assert.Equal([Eu, De, DeBy, Us, Organisation, User], Applying(Europe, -1));
        Assert.Equal(-1, Europe.MatchJurisdiction("FR"));
        Assert.Equal(-1, Europe.MatchJurisdiction(null));
        Assert.Equal(DeBy, Europe.MatchJurisdiction("de-by"));
    }

    [Fact]
    public void LawApplies_says_which_jurisdictions_law_applies_in_which_jurisdiction()
    {
        var applies = Enumerable.Range(0, 4).Select(law => Enumerable.Range(0, 4).Where(j => Europe.LawApplies(law, j)).ToArray()).ToArray();
        Assert.Equal([Eu, De, DeBy], applies[Eu]);
        Assert.Equal([De, DeBy], applies[De]);
        Assert.Equal([DeBy], applies[DeBy]);
        Assert.Equal([Us], applies[Us]);
    }

    [Fact]
    public void Enclosing_lists_the_jurisdictions_one_sits_within_nearest_first()
    {
        Assert.Equal([De, Eu], Europe.Enclosing(DeBy).ToArray());
        Assert.Equal(["DE", "EU"], Europe.EnclosingNames(DeBy).ToArray());
        Assert.Equal([Eu], Europe.Enclosing(De).ToArray());
        Assert.Empty(Europe.Enclosing(Eu));
        Assert.Empty(Europe.Enclosing(Us));
        Assert.Empty(Europe.Enclosing(-1));
        Assert.Equal("law of DE-BY within DE within EU", Wording.Tier(Europe, DeBy));

        // Breadth first: CH sits within EU and US, and EU within WORLD, which is further than either.
        var shape = Shape(Law("WORLD"), Law("EU", 0), Law("US"), Law("CH", 1, 2), new ShapeTier(TierRank.User, "Prefs", [3]));
        Assert.Equal(["EU", "US", "WORLD"], shape.EnclosingNames(3).ToArray());
    }

    [Fact]
    public void IsAbove_binds_a_law_by_the_laws_it_sits_within_and_every_tier_by_the_higher_ranks()
    {
        Assert.True(Europe.IsAbove(Eu, De));
        Assert.True(Europe.IsAbove(Eu, DeBy));
        Assert.True(Europe.IsAbove(De, DeBy));
        Assert.False(Europe.IsAbove(De, Eu));
        Assert.False(Europe.IsAbove(DeBy, De));
        Assert.False(Europe.IsAbove(De, De));
        Assert.True(Europe.IsAbove(DeBy, Organisation));
        Assert.True(Europe.IsAbove(Organisation, User));
        Assert.False(Europe.IsAbove(User, Organisation));

        Assert.False(Europe.HasAbove(Eu));
        Assert.False(Europe.HasAbove(Us));
        Assert.True(Europe.HasAbove(De));
        Assert.True(Europe.HasAbove(DeBy));
        Assert.True(Europe.HasAbove(Organisation));
    }

    [Fact]
    public void Unrelated_laws_do_not_bind_each_other()
    {
        Assert.False(Europe.IsAbove(Eu, Us));
        Assert.False(Europe.IsAbove(Us, Eu));
        Assert.False(Europe.IsAbove(Us, De));
        Assert.False(Europe.IsAbove(De, Us));
        Assert.NotEqual(Europe.Level(Eu), Europe.Level(Us));
    }

    [Fact]
    public void Two_laws_of_one_jurisdiction_are_one_place_within_what_either_says()
    {
        // Tiers: 0 EU; 1 "eu", another EU law within nothing; 2 DE within the second only; 3 a DE law that names no Within.
        var shape = Shape(Law("EU"), Law("eu"), Law("DE", 1), Law("DE"), new ShapeTier(TierRank.User, "Prefs", [2, 3]));

        Assert.Equal(["EU", "DE"], shape.Jurisdictions.ToArray());
        Assert.Equal(shape.JurisdictionOf(0), shape.JurisdictionOf(1));
        Assert.Equal(shape.JurisdictionOf(2), shape.JurisdictionOf(3));
        Assert.Equal([0, 1, 2, 3, 4], Applying(shape, shape.MatchJurisdiction("de")));
        Assert.Equal([0, 1, 4], Applying(shape, shape.MatchJurisdiction("EU")));

        // Both EU laws bind both DE laws, the one that names no Within too; laws of one jurisdiction do not bind each other.
        Assert.True(shape.IsAbove(0, 2));
        Assert.True(shape.IsAbove(0, 3));
        Assert.True(shape.IsAbove(1, 3));
        Assert.False(shape.IsAbove(0, 1));
        Assert.False(shape.IsAbove(2, 3));
        Assert.True(shape.HasAbove(3));
        Assert.Equal(shape.Level(2), shape.Level(3));
        Assert.Equal("law of DE within EU", Wording.Tier(shape, 3));
    }

    [Fact]
    public void Laws_within_each_other_in_a_cycle_end_where_the_cycle_closes()
    {
        // The generator rejects these (PAC0003); the kernel must still answer, and not loop.
        var cycle = Shape(Law("A", 2), Law("B", 0), Law("C", 1), Law("D", 3), new ShapeTier(TierRank.User, "Prefs", [0, 3]));

        Assert.Equal(["C", "B"], cycle.EnclosingNames(0).ToArray());
        Assert.Equal(["A", "C"], cycle.EnclosingNames(1).ToArray());
        Assert.Empty(cycle.Enclosing(3));
        Assert.True(cycle.IsAbove(0, 1) && cycle.IsAbove(1, 0));
        Assert.False(cycle.IsAbove(3, 3));
        Assert.Equal([0, 1, 2, 4], Applying(cycle, 0));
        Assert.Equal([3, 4], Applying(cycle, 3));
    }

    private static ShapeTier Law(string jurisdiction, params int[] within) => new(TierRank.Immutable, jurisdiction, [.. within]);

    private static PolicyShape Shape(params ShapeTier[] tiers) => new([.. tiers], [], [], [], [], []);

    private static int[] Applying(PolicyShape shape, int jurisdiction) =>
        [.. Enumerable.Range(0, shape.Tiers.Length).Where(t => shape.TierApplies(t, jurisdiction))];
}
