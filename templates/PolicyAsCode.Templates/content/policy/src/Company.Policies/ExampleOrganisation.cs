using PolicyAsCode;

namespace Company.Policies;

/// <summary>
/// Tier 2: the organisation that deploys the assistant, inside the law of every jurisdiction it serves
/// (a national law listed here brings the laws it sits within, which are listed too).
/// Its bounds narrow the law's; its property initialisers are soft defaults for its users.
/// </summary>
[OrganisationTier("example-org", Within =
[
#if (euLaw)
    typeof(EuLaw),
#endif
#if (deLaw)
    typeof(DeLaw),
#endif
#if (usLaw)
    typeof(UsLaw),
#endif
#if (usCaLaw)
    typeof(UsCaLaw),
#endif
#if (ukLaw)
    typeof(UkLaw),
#endif
])]
[Forbid(Hazard.Elections | Hazard.SpecializedAdvice, Reason = "the assistant gives no voting, medical, legal or financial advice", Mitigates = [Risk.OverReliance, Risk.PolarisationAndFilterBubbles])]
public partial record ExampleOrganisation
{
    [AtMost(Maturity.Teen, Reason = "the assistant serves everyone from 13")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; } = Maturity.General;

    [AtMost(Tone.Playful, Reason = "sarcasm is not our voice")]
    [AtMost(Tone.Friendly, When = Fact.Minor, Reason = "a calm voice for minors")]
    [Enables(Benefit.Pluralism)]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Tone Tone { get; init; }

    // Feedback may make answers shorter, but long answers are a user's own choice, never one drifted into.
    [LearnWithin(Verbosity.Concise, Verbosity.Balanced, Reason = "feedback may shorten answers; detailed answers are chosen, not learned")]
    public Verbosity Verbosity { get; init; }

    [AtMost(14, Reason = "two weeks of context is all the service needs")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
