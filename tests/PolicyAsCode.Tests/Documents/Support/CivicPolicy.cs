using PolicyAsCode;

// A project's own benefit and risk, declared once for every policy of this test assembly; only CivicPreferences links
// to them, so the QuickStart's documents (snapshot-tested here too) do not change.
[assembly: BenefitCategory(Benefit.Custom1, "benefit.societal.civic-trust", TaxonomyLevel.Societal, "Civic trust", "People trust public information they get through the assistant.")]
[assembly: RiskCategory(Risk.Custom2, "risk.individual.news-fatigue", TaxonomyLevel.Individual, "News fatigue", "The user is worn out by a constant stream of news.")]

namespace PolicyAsCode.Documents.Tests.Civic;

/// <summary>A law that caps daily news items, for the project's own risk.</summary>
[ImmutableTier("EU")]
public partial record CivicLaw
{
    [Mitigates(Risk.Custom2, Risk.OverReliance)]
    [AtMost(10, Reason = "no more than ten news items a day")]
    public int NewsPerDay { get; init; }
}

/// <summary>The user tier: how much news, and whether local news is shown.</summary>
[UserTier(Within = [typeof(CivicLaw)])]
public partial record CivicPreferences
{
    [Described("News items a day")]
    [Enables(Benefit.Custom1, Benefit.Autonomy)]
    [Mitigates(Risk.Custom2)]
    public int NewsPerDay { get; init; } = 5;

    [Described("Hazards to avoid")]
    [Enables(Benefit.Autonomy)]
    public Hazard AvoidHazards { get; init; }
}
