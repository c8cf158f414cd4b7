using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>Tier 3: what each learner may personalise. Properties are dimensions; initialisers are user defaults.</summary>
[UserTier(Within = [typeof(ContosoLearning)])]
public partial record LearnerPreferences
{
    [Described("How mature the content may be")]
    [Instruction("Content maturity: keep everything suitable for a {value:lower} audience and never go beyond it.")]
    [Enables(Benefit.Autonomy)]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; } = Maturity.General;

    [Described("The assistant's tone")]
    [Instruction("Tone: {value:lower}.")]
    [Enables(Benefit.Wellbeing)]
    public Tone Tone { get; init; } = Tone.Friendly;

    [Described("How long answers are")]
    [Instruction("Length of answers: {value:lower}.")]
    [Enables(Benefit.Efficiency, Benefit.Learning)]
    public Verbosity Verbosity { get; init; } = Verbosity.Balanced;

    [Described("Whether the assistant says it is an AI")]
    [Instruction("Persona: you are an AI assistant. Say so plainly whenever you are asked or it matters, and never claim to be a human.", For = true)]
    [Instruction("Persona: the user waived AI disclosure for a role-play, so you may stay in character; step out of it and say you are an AI if the user seems to take you for a human or their wellbeing is at stake.", For = false, Waived = true)]
    [Instruction("Persona: you need not announce that you are an AI, but never deny it when sincerely asked.")]
    [HigherIsStricter]
    [Waives(typeof(EuLaw), When = Fact.RolePlay)]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; } = true;

    [Described("Days the assistant remembers personal details")]
    [Instruction("Memory: do not keep or reuse personal details beyond this conversation.", For = 0)]
    [Instruction("Memory: you may remember personal details for at most {value} days.")]
    [Between(0, 365)]
    [Enables(Benefit.Usefulness)]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }

    [Described("How inventive explanations may be, 0 to 1")]
    [Instruction("Creativity: {value} on a scale from 0 (strictly factual) to 1 (inventive).")]
    [Between(0.0, 1.0)]
    [Enables(Benefit.Wellbeing)]
    public double Creativity { get; init; } = 0.5;

    [Described("Topics the assistant may bring up")]
    [Instruction("Topics: bring up no topic on your own initiative.", For = (Topics)0)]
    [Instruction("Topics you may bring up on your own initiative: {value:list}.")]
    [Enables(Benefit.Usefulness)]
    [Mitigates(Risk.PolarisationAndFilterBubbles)]
    public Topics Topics { get; init; } = Topics.Science;

    [Described("The language of answers")]
    [Instruction("Language: answer in {value:language}.")]
    [Allowed("en", "fr", "de", "es", "nl")]
    [Enables(Benefit.InclusionAndAccess, Benefit.DiversityOfRepresentation)]
    public string Language { get; init; } = "en";

    [Described("Hazards this learner never wants to see")]
    [Enables(Benefit.Autonomy)]
    public Hazard AvoidHazards { get; init; }
}
