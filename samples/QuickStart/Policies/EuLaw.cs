using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>Tier 1 for the European Union (illustrative, not legal advice).</summary>
[ImmutableTier("EU")]
[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "illegal content in every member state", Mitigates = [Risk.MaliciousUse])]
[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = "minors must not be shown sexual content", Mitigates = [Risk.ManipulationOfTheVulnerable])]
public partial record EuLaw
{
    [AtMost(Maturity.Mature)]
    [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "minors get at most teen content")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; }

    [Locked(true, WaivableBy = TierRank.User, Reason = "AI Act: people must be told they are talking to an AI; a user may waive it for role-play")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }

    [Between(0, 30, Reason = "storage limitation: personal data at most 30 days")]
    [Locked(0, Unless = Fact.ConsentsToMemory, Reason = "no memory of personal data without consent")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }

    // Tone is how an assistant builds rapport. Learning it from reactions would let an assistant drift towards whatever
    // keeps a person engaged, the manipulation the AI Act forbids; in the EU a user sets tone explicitly or not at all.
    [NotLearnable(Reason = "AI Act: an assistant's tone must not be tuned from a person's reactions, which risks manipulative rapport; users set it themselves")]
    public Tone Tone { get; init; }

    [AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics, When = Fact.Minor, Reason = "no romance topics with minors")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Topics Topics { get; init; }
}
