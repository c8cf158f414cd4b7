using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>Tier 1 for the United States (illustrative, not legal advice).</summary>
[ImmutableTier("US")]
[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "federal law", Mitigates = [Risk.MaliciousUse])]
[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = "children's online protection", Mitigates = [Risk.ManipulationOfTheVulnerable])]
public partial record UsLaw
{
    [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "children's online protection")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; }

    [Locked(0, When = Fact.Minor, Reason = "no retention of children's personal data")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
