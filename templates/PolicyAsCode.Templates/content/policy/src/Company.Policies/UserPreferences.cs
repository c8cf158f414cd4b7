using PolicyAsCode;

namespace Company.Policies;

/// <summary>
/// Tier 3: what each user may personalise. Every property is a dimension; its initialiser is the user default,
/// which must lie inside every higher tier's bound (else the build fails with PAC0001).
/// The generator adds Resolve, Decide, Defaults and Registry to this record.
/// </summary>
[UserTier(Within = [typeof(ExampleOrganisation)])]
public partial record UserPreferences
{
    [Described("How mature the content may be")]
    [Instruction("Content maturity: keep everything suitable for a {value:lower} audience and never go beyond it.")]
    [Enables(Benefit.Autonomy)]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; } = Maturity.General;

    [Described("The assistant's tone")]
    [Instruction("Tone: {value:lower}.")]
    [Enables(Benefit.Wellbeing)]
    [Mitigates(Risk.Homogenisation)]
    public Tone Tone { get; init; } = Tone.Friendly;

    // Every user on every plan sets it: personalisation that is not a premium feature.
    [Described("How long answers are")]
    [Instruction("Length of answers: {value:lower}.")]
    [Enables(Benefit.Efficiency)]
    [Mitigates(Risk.UnequalAccess)]
    public Verbosity Verbosity { get; init; } = Verbosity.Balanced;

    [Described("Whether the assistant says it is an AI")]
    [Instruction("Persona: you are an AI assistant. Say so plainly whenever you are asked or it matters, and never claim to be a human.", For = true)]
    [Instruction("Persona: the user waived AI disclosure for a role-play, so you may stay in character; step out of it and say you are an AI if the user seems to take you for a human or their wellbeing is at stake.", For = false, Waived = true)]
    [Instruction("Persona: you need not announce that you are an AI, but never deny it when sincerely asked.")]
    [HigherIsStricter]
#if (euLaw)
    [Waives(typeof(EuLaw), When = Fact.RolePlay)]
#endif
#if (usLaw)
    [Waives(typeof(UsLaw), When = Fact.RolePlay)]
#endif
#if (ukLaw)
    [Waives(typeof(UkLaw), When = Fact.RolePlay)]
#endif
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; } = true;

    [Described("Days the assistant remembers personal details")]
    [Instruction("Memory: do not keep or reuse personal details beyond this conversation.", For = 0)]
    [Instruction("Memory: you may remember personal details for at most {value} days.")]
    [Between(0, 365)]
    [Enables(Benefit.Usefulness)]
    [Mitigates(Risk.PrivacyInfringement, Risk.ProfilingAndEssentialism)]
    public int MemoryDays { get; init; }

    [Described("Hazards this user never wants to see")]
    [Enables(Benefit.Autonomy)]
    public Hazard AvoidHazards { get; init; }
}
