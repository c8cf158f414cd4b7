using System;
using System.Collections.Immutable;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>
/// Issue 16: a project's own benefits and risks in the runtime: the registry holds only well-formed declarations,
/// <c>Taxonomy.Describe(member, registry)</c> names them, a level is never guessed from a custom number, and an
/// adjustment's explanation names its links as the policy does.
/// </summary>
public sealed class CustomTaxonomyTests
{
    private static readonly TaxonomyEntry CivicTrust = new("benefit.societal.civic-trust", "Civic trust", TaxonomyLevel.Societal, "People trust public information.");
    private static readonly TaxonomyEntry NewsFatigue = new("risk.individual.news-fatigue", "News fatigue", TaxonomyLevel.Individual, "The user is worn out by news.");

    [Fact]
    public void The_shipped_ids_and_levels_are_unchanged()
    {
        Assert.Equal(
            ["benefit.individual.efficiency", "benefit.individual.autonomy", "benefit.individual.usefulness", "benefit.individual.wellbeing", "benefit.individual.learning",
             "benefit.societal.inclusion-and-access", "benefit.societal.diversity-of-representation", "benefit.societal.pluralism"],
            PolicyAsCode.Taxonomy.Benefits.Select(b => b.Id));
        Assert.Equal(
            ["risk.individual.over-reliance", "risk.individual.anthropomorphism", "risk.individual.privacy-infringement", "risk.individual.profiling-and-essentialism",
             "risk.individual.manipulation-of-the-vulnerable", "risk.individual.sycophancy", "risk.societal.polarisation-and-filter-bubbles",
             "risk.societal.malicious-use", "risk.societal.unequal-access", "risk.societal.homogenisation"],
            PolicyAsCode.Taxonomy.Risks.Select(r => r.Id));
        Assert.All(PolicyAsCode.Taxonomy.Benefits, b => Assert.Equal(b.Id.Contains(".societal.", StringComparison.Ordinal) ? TaxonomyLevel.Societal : TaxonomyLevel.Individual, b.Level));
        Assert.Equal(TaxonomyLevel.Societal, PolicyAsCode.Taxonomy.LevelOf(Risk.Homogenisation));
        Assert.Equal(TaxonomyLevel.Individual, PolicyAsCode.Taxonomy.LevelOf(Benefit.Learning));
    }

    [Fact]
    public void A_custom_member_is_named_by_the_registry_and_its_level_is_never_guessed()
    {
        var registry = Registry([new BenefitInfo(Benefit.Custom1, CivicTrust)], [new RiskInfo(Risk.Custom8, NewsFatigue)]);

        Assert.Same(CivicTrust, PolicyAsCode.Taxonomy.Describe(Benefit.Custom1, registry));
        Assert.Same(NewsFatigue, PolicyAsCode.Taxonomy.Describe(Risk.Custom8, registry));
        Assert.Null(PolicyAsCode.Taxonomy.Describe(Benefit.Custom2, registry));
        Assert.Null(PolicyAsCode.Taxonomy.Describe(Benefit.Custom1));
        Assert.Same(PolicyAsCode.Taxonomy.Describe(Risk.Sycophancy), PolicyAsCode.Taxonomy.Describe(Risk.Sycophancy, registry));
        Assert.True(PolicyAsCode.Taxonomy.IsCustom(Benefit.Custom8));
        Assert.False(PolicyAsCode.Taxonomy.IsCustom(Benefit.Pluralism));
        Assert.False(PolicyAsCode.Taxonomy.IsCustom((Risk)9009));

        // 9001 is above 1000, yet Custom8 here is individual: only the declaration knows.
        var error = Assert.Throws<ArgumentException>(() => PolicyAsCode.Taxonomy.LevelOf(Risk.Custom8));
        Assert.Contains("Taxonomy.Describe(risk, registry)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PolicyAsCode.Taxonomy.LevelOf(Benefit.Custom1));
    }

    public static TheoryData<string, BenefitInfo[]> BadBenefits => new()
    {
        { "a shipped member", [new BenefitInfo(Benefit.Pluralism, CivicTrust)] },
        { "a number outside the custom range", [new BenefitInfo((Benefit)9009, CivicTrust)] },
        { "a member declared twice", [new BenefitInfo(Benefit.Custom1, CivicTrust), new BenefitInfo(Benefit.Custom1, CivicTrust with { Id = "benefit.societal.other" })] },
        { "a shipped id", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Id = "benefit.societal.pluralism" })] },
        { "a taken id", [new BenefitInfo(Benefit.Custom1, CivicTrust), new BenefitInfo(Benefit.Custom2, CivicTrust with { Id = "Benefit.Societal.Civic-Trust" })] },
        { "an id of another level", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Level = TaxonomyLevel.Individual })] },
        { "an id of another kind", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Id = "risk.societal.civic-trust" })] },
        { "an undefined level", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Level = (TaxonomyLevel)2 })] },
        { "no title", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Title = " " })] },
        { "no description", [new BenefitInfo(Benefit.Custom1, CivicTrust with { Description = "" })] },
        { "no entry", [new BenefitInfo(Benefit.Custom1, null!)] },
    };

    [Theory]
    [MemberData(nameof(BadBenefits))]
    public void The_registry_refuses_an_unusable_custom_benefit(string description, BenefitInfo[] benefits)
    {
        var error = Assert.Throws<ArgumentException>(() => Registry([.. benefits], []));
        Assert.True(error.ParamName == "customBenefits", description);
    }

    [Fact]
    public void The_registry_refuses_an_unusable_custom_risk_and_keeps_good_ones_through_an_overlay()
    {
        var error = Assert.Throws<ArgumentException>(() => Registry([], [new RiskInfo(Risk.Custom1, NewsFatigue with { Id = "risk.individual.sycophancy" })]));
        Assert.Equal("customRisks", error.ParamName);

        var registry = Registry([new BenefitInfo(Benefit.Custom1, CivicTrust)], [new RiskInfo(Risk.Custom2, NewsFatigue)]);
        var overlaid = new PolicyRegistryBuilder(registry).AddBound(0, 0, BoundForm.AtMost, new Bound(DimensionKind.Integer, int.MinValue, 3, 0, 0), default, "AtMost(3)").Build();
        Assert.Equal(registry.CustomBenefits.ToArray(), overlaid.CustomBenefits.ToArray());
        Assert.Equal(registry.CustomRisks.ToArray(), overlaid.CustomRisks.ToArray());
    }

    [Fact]
    public void An_adjustment_names_custom_links_by_their_declared_ids_given_the_registry()
    {
        var registry = Registry([new BenefitInfo(Benefit.Custom1, CivicTrust)], [new RiskInfo(Risk.Custom2, NewsFatigue)]);
        var dimension = registry.Dimensions[0];
        var rule = new BoundRule(0, 0, 0, BoundForm.AtMost, new Bound(DimensionKind.Integer, int.MinValue, 10, 0, 0), default, null, "AtMost(10)", "ten a day",
            [Benefit.Custom1], [Risk.Custom2, Risk.OverReliance]);
        var adjustment = new Adjustment(dimension, AdjustmentCause.Clamped, DimensionValue.OfNumber(30), DimensionValue.OfNumber(10), rule, registry.Tiers[0]);

        Assert.EndsWith("[mitigates risk.individual.news-fatigue, risk.individual.over-reliance; enables benefit.societal.civic-trust]", adjustment.Explain(registry), StringComparison.Ordinal);

        // Without the policy only the shipped catalogue is known: the custom members keep their names, nothing is invented.
        Assert.EndsWith("[mitigates Custom2, risk.individual.over-reliance; enables Custom1]", adjustment.Explain(), StringComparison.Ordinal);
    }

    private static PolicyRegistry Registry(ImmutableArray<BenefitInfo> benefits, ImmutableArray<RiskInfo> risks) =>
        new(
            "Civic.Prefs",
            [new TierInfo(0, "Prefs", "Civic.Prefs", TierRank.User, [])],
            [new DimensionInfo(0, "NewsPerDay", DimensionKind.Integer, "int", [], [], Lattice.IntegerDomain, false, DimensionValue.OfNumber(5), true, "news a day", [Benefit.Custom1], [])],
            [],
            [],
            [],
            [],
            [],
            customBenefits: benefits,
            customRisks: risks);
}
