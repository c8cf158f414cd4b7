using PolicyAsCode;

namespace Company.Policies;

/// <summary>Tier 1 for the United States. Illustrative, not legal advice: have your counsel write this tier.</summary>
[ImmutableTier("US")]
[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "federal law", Mitigates = [Risk.MaliciousUse])]
[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = "children's online protection", Mitigates = [Risk.ManipulationOfTheVulnerable])]
public partial record UsLaw
{
    [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "children's online protection")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; }

    [Locked(true, WaivableBy = TierRank.User, Reason = "bot-disclosure laws: people must not be misled into thinking a bot is a person; a user may waive it for a role-play")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }

    [Locked(0, When = Fact.Minor, Reason = "no retention of children's personal data")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
