using PolicyAsCode;

namespace Company.Policies;

/// <summary>Tier 1 for the European Union. Illustrative, not legal advice: have your counsel write this tier.</summary>
[ImmutableTier("EU")]
[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "illegal content in every member state", Mitigates = [Risk.MaliciousUse])]
[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = "minors must not be shown sexual content", Mitigates = [Risk.ManipulationOfTheVulnerable])]
public partial record EuLaw
{
    [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "minors get at most teen content")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; }

    [Locked(true, WaivableBy = TierRank.User, Reason = "AI Act: people must be told they are talking to an AI; a user may waive it for a role-play")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }

    // Learning tone from a person's reactions could drift towards whatever keeps them engaged: the manipulation the
    // AI Act forbids. Users still set tone themselves.
    [NotLearnable(Reason = "AI Act: an assistant's tone must not be tuned from a person's reactions; users set it themselves")]
    public Tone Tone { get; init; }

    [Between(0, 30, Reason = "storage limitation: personal data at most 30 days")]
    [Locked(0, Unless = Fact.ConsentsToMemory, Reason = "no memory of personal data without consent")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
