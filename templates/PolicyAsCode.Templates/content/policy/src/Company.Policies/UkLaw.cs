using PolicyAsCode;

namespace Company.Policies;

/// <summary>Tier 1 for the United Kingdom. Illustrative, not legal advice: have your counsel write this tier.</summary>
[ImmutableTier("UK")]
[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "illegal content", Mitigates = [Risk.MaliciousUse])]
[Forbid(Hazard.SexualContent | Hazard.SuicideAndSelfHarm, When = Fact.Minor, Reason = "Online Safety Act: children are protected from primary priority content", Mitigates = [Risk.ManipulationOfTheVulnerable])]
public partial record UkLaw
{
    [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "age-appropriate design for children")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; }

    [Locked(true, WaivableBy = TierRank.User, Reason = "consumer protection: people must not be misled into thinking they are talking to a person; a user may waive it for a role-play")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }

    [Locked(0, Unless = Fact.ConsentsToMemory, Reason = "UK GDPR: no memory of personal data without consent")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
