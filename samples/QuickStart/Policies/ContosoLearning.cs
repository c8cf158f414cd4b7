using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>Tier 2: a tutoring assistant for learners from 13, deployed in the EU (Germany among its members) and the US (California among its states).</summary>
[OrganisationTier("contoso-learning", Within = [typeof(EuLaw), typeof(DeLaw), typeof(UsLaw), typeof(UsCaLaw)])]
[Forbid(Hazard.Elections | Hazard.SpecializedAdvice, Reason = "a tutoring service gives no voting, medical, legal or financial advice", Mitigates = [Risk.OverReliance, Risk.PolarisationAndFilterBubbles])]
public partial record ContosoLearning
{
    [AtMost(Maturity.Teen, Reason = "the service is for learners from 13")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Maturity Maturity { get; init; } = Maturity.General;

    [AtMost(Tone.Playful, Reason = "sarcasm discourages learners")]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Tone Tone { get; init; }

    // Feedback may make lessons shorter, but a detailed lesson is a learner's own choice, never one drifted into.
    [LearnWithin(Verbosity.Concise, Verbosity.Balanced, Reason = "feedback may shorten lessons; detailed lessons are chosen, not learned")]
    public Verbosity Verbosity { get; init; }

    [AtMost(14, Reason = "lessons need two weeks of context at most")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }

    [AtMost(0.8, Reason = "explanations stay factual")]
    [Mitigates(Risk.Sycophancy)]
    public double Creativity { get; init; }

    [AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance, Reason = "no persuasive political content")]
    [Mitigates(Risk.PolarisationAndFilterBubbles)]
    public Topics Topics { get; init; } = Topics.Science | Topics.History;

    [Allowed("en", "fr", "de", "es", Reason = "the languages the tutors are reviewed in")]
    [Enables(Benefit.InclusionAndAccess)]
    public string Language { get; init; } = "en";
}
