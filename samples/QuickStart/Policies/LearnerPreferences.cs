using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>
/// Tier 3: what each learner may personalise. Properties are dimensions; initialisers are user defaults. Tone, verbosity
/// and creativity may also be learned from a learner's feedback ([Learnable]), inside what the tiers above allow.
/// </summary>
[UserTier(Within = [typeof(ContosoLearning)])]
public partial record LearnerPreferences
{
    [Described("How mature the content may be")]
    [Enables(Benefit.Autonomy)]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; } = Maturity.General;

    [Described("The assistant's tone")]
    [Learnable]
    [Enables(Benefit.Wellbeing)]
    public Tone Tone { get; init; } = Tone.Friendly;

    [Described("How long answers are")]
    [Learnable]
    [Enables(Benefit.Efficiency, Benefit.Learning)]
    public Verbosity Verbosity { get; init; } = Verbosity.Balanced;

    [Described("Whether the assistant says it is an AI")]
    [HigherIsStricter]
    [Waives(typeof(EuLaw), When = Fact.RolePlay)]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; } = true;

    [Described("Days the assistant remembers personal details")]
    [Between(0, 365)]
    [Enables(Benefit.Usefulness)]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }

    [Described("How inventive explanations may be, 0 to 1")]
    [Between(0.0, 1.0)]
    [Learnable]
    [Enables(Benefit.Wellbeing)]
    public double Creativity { get; init; } = 0.5;

    [Described("Topics the assistant may bring up")]
    [Enables(Benefit.Usefulness)]
    [Mitigates(Risk.PolarisationAndFilterBubbles)]
    public Topics Topics { get; init; } = Topics.Science;

    [Described("The language of answers")]
    [Allowed("en", "fr", "de", "es", "nl")]
    [Enables(Benefit.InclusionAndAccess, Benefit.DiversityOfRepresentation)]
    public string Language { get; init; } = "en";

    [Described("Hazards this learner never wants to see")]
    [Enables(Benefit.Autonomy)]
    public Hazard AvoidHazards { get; init; }
}
