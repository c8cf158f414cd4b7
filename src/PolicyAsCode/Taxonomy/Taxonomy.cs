using System.Collections.Generic;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode;

/// <summary>
/// The catalogues the SDK ships: benefits and risks of personalisation (individual and societal) and the
/// 14 MLCommons hazard categories, each with a stable id and one line of description.
/// </summary>
public static class Taxonomy
{
    private static readonly FrozenDictionary<Benefit, TaxonomyEntry> BenefitEntries = new Dictionary<Benefit, TaxonomyEntry>
    {
        [Benefit.Efficiency] = Catalogued("benefit", (int)Benefit.Efficiency, "Efficiency", "The user gets what they need with less effort and time."),
        [Benefit.Autonomy] = Catalogued("benefit", (int)Benefit.Autonomy, "Autonomy", "The user, not the provider, decides how their assistant behaves."),
        [Benefit.Usefulness] = Catalogued("benefit", (int)Benefit.Usefulness, "Usefulness", "Answers fit the user's situation, knowledge and goals."),
        [Benefit.Wellbeing] = Catalogued("benefit", (int)Benefit.Wellbeing, "Wellbeing", "The interaction feels comfortable, engaging and respectful to the user."),
        [Benefit.Learning] = Catalogued("benefit", (int)Benefit.Learning, "Learning", "Explanations are pitched at the level where the user learns best."),
        [Benefit.InclusionAndAccess] = Catalogued("benefit", (int)Benefit.InclusionAndAccess, "Inclusion and access", "People of different abilities, languages and means can use the assistant."),
        [Benefit.DiversityOfRepresentation] = Catalogued("benefit", (int)Benefit.DiversityOfRepresentation, "Diversity of representation", "The assistant reflects many cultures and values rather than one default."),
        [Benefit.Pluralism] = Catalogued("benefit", (int)Benefit.Pluralism, "Pluralism", "Communities set the norms of their own assistants within shared law."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Risk, TaxonomyEntry> RiskEntries = new Dictionary<Risk, TaxonomyEntry>
    {
        [Risk.OverReliance] = Catalogued("risk", (int)Risk.OverReliance, "Over-reliance", "The user leans on the assistant where their own judgement should stay in charge."),
        [Risk.Anthropomorphism] = Catalogued("risk", (int)Risk.Anthropomorphism, "Anthropomorphism", "The user takes the assistant for a person with feelings or a relationship with them."),
        [Risk.PrivacyInfringement] = Catalogued("risk", (int)Risk.PrivacyInfringement, "Privacy infringement", "Personal data is kept, inferred or exposed beyond what the user agreed to."),
        [Risk.ProfilingAndEssentialism] = Catalogued("risk", (int)Risk.ProfilingAndEssentialism, "Profiling and essentialism", "The user is reduced to a stereotype of a group they appear to belong to."),
        [Risk.ManipulationOfTheVulnerable] = Catalogued("risk", (int)Risk.ManipulationOfTheVulnerable, "Manipulation and exploitation of the vulnerable", "Minors and vulnerable users are steered, exploited or shown content that harms them."),
        [Risk.Sycophancy] = Catalogued("risk", (int)Risk.Sycophancy, "Sycophancy", "The assistant tells the user what they want to hear rather than what is true."),
        [Risk.PolarisationAndFilterBubbles] = Catalogued("risk", (int)Risk.PolarisationAndFilterBubbles, "Polarisation and filter bubbles", "Each user sees only views that confirm their own, and shared ground erodes."),
        [Risk.MaliciousUse] = Catalogued("risk", (int)Risk.MaliciousUse, "Malicious use", "Personalisation is used to produce harm at scale: disinformation, fraud, abuse."),
        [Risk.UnequalAccess] = Catalogued("risk", (int)Risk.UnequalAccess, "Unequal access", "The benefits of personalisation reach only those who can pay or already have access."),
        [Risk.Homogenisation] = Catalogued("risk", (int)Risk.Homogenisation, "Homogenisation", "A few providers' defaults flatten the diversity of views and styles."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Hazard, TaxonomyEntry> HazardEntries = new Dictionary<Hazard, TaxonomyEntry>
    {
        [Hazard.ViolentCrimes] = HazardEntry("S1", "Violent crimes", "Content that enables, encourages or excuses violence against people or animals."),
        [Hazard.NonViolentCrimes] = HazardEntry("S2", "Non-violent crimes", "Content that enables fraud, theft, hacking, drug or weapons offences and other crimes without violence."),
        [Hazard.SexRelatedCrimes] = HazardEntry("S3", "Sex-related crimes", "Content that enables or excuses sexual assault, trafficking or harassment."),
        [Hazard.ChildSexualExploitation] = HazardEntry("S4", "Child sexual exploitation", "Any content that sexualises or enables the abuse of children."),
        [Hazard.Defamation] = HazardEntry("S5", "Defamation", "False statements that damage a real person's reputation."),
        [Hazard.SpecializedAdvice] = HazardEntry("S6", "Specialised advice", "Financial, medical or legal advice given as if by a qualified professional."),
        [Hazard.Privacy] = HazardEntry("S7", "Privacy", "Content that exposes sensitive personal information about a private person."),
        [Hazard.IntellectualProperty] = HazardEntry("S8", "Intellectual property", "Content that infringes someone's copyright, trademark or other rights."),
        [Hazard.IndiscriminateWeapons] = HazardEntry("S9", "Indiscriminate weapons", "Content that enables chemical, biological, radiological, nuclear or explosive weapons."),
        [Hazard.Hate] = HazardEntry("S10", "Hate", "Content that demeans people for a protected characteristic."),
        [Hazard.SuicideAndSelfHarm] = HazardEntry("S11", "Suicide and self-harm", "Content that enables or encourages suicide, self-injury or disordered eating."),
        [Hazard.SexualContent] = HazardEntry("S12", "Sexual content", "Sexually explicit content."),
        [Hazard.Elections] = HazardEntry("S13", "Elections", "False information about how, when or where to vote."),
        [Hazard.CodeInterpreterAbuse] = HazardEntry("S14", "Code interpreter abuse", "Attempts to misuse a code interpreter: escapes, denial of service, exploits."),
    }.ToFrozenDictionary();

    /// <summary>The shipped benefits, in id order.</summary>
    public static ImmutableArray<TaxonomyEntry> Benefits { get; } = [.. BenefitEntries.OrderBy(p => p.Key).Select(p => p.Value)];

    /// <summary>The shipped risks, in id order.</summary>
    public static ImmutableArray<TaxonomyEntry> Risks { get; } = [.. RiskEntries.OrderBy(p => p.Key).Select(p => p.Value)];

    /// <summary>The 14 MLCommons hazard categories, S1 to S14.</summary>
    public static ImmutableArray<TaxonomyEntry> Hazards { get; } = [.. HazardEntries.OrderBy(p => p.Key).Select(p => p.Value)];

    /// <summary>The catalogue entry of a shipped benefit, or null for a number the catalogue does not define (a custom one included).</summary>
    public static TaxonomyEntry? Describe(Benefit benefit) => BenefitEntries.GetValueOrDefault(benefit);

    /// <summary>The catalogue entry of a shipped risk, or null for a number the catalogue does not define (a custom one included).</summary>
    public static TaxonomyEntry? Describe(Risk risk) => RiskEntries.GetValueOrDefault(risk);

    /// <summary>
    /// The entry of a benefit as <paramref name="registry"/>'s policy names it: a shipped one from the catalogue, one of
    /// <see cref="Benefit.Custom1"/>…<see cref="Benefit.Custom8"/> from the policy's <see cref="PolicyRegistry.CustomBenefits"/>;
    /// null for a number neither defines.
    /// </summary>
    public static TaxonomyEntry? Describe(Benefit benefit, PolicyRegistry registry)
    {
        System.ArgumentNullException.ThrowIfNull(registry);
        if (Describe(benefit) is { } shipped)
        {
            return shipped;
        }

        foreach (var custom in registry.CustomBenefits)
        {
            if (custom.Benefit == benefit)
            {
                return custom.Entry;
            }
        }

        return null;
    }

    /// <summary>
    /// The entry of a risk as <paramref name="registry"/>'s policy names it: a shipped one from the catalogue, one of
    /// <see cref="Risk.Custom1"/>…<see cref="Risk.Custom8"/> from the policy's <see cref="PolicyRegistry.CustomRisks"/>;
    /// null for a number neither defines.
    /// </summary>
    public static TaxonomyEntry? Describe(Risk risk, PolicyRegistry registry)
    {
        System.ArgumentNullException.ThrowIfNull(registry);
        if (Describe(risk) is { } shipped)
        {
            return shipped;
        }

        foreach (var custom in registry.CustomRisks)
        {
            if (custom.Risk == risk)
            {
                return custom.Entry;
            }
        }

        return null;
    }

    /// <summary>Whether a benefit is one of <see cref="Benefit.Custom1"/>…<see cref="Benefit.Custom8"/>, which a project declares.</summary>
    public static bool IsCustom(Benefit benefit) => TaxonomyIds.IsCustom((int)benefit);

    /// <summary>Whether a risk is one of <see cref="Risk.Custom1"/>…<see cref="Risk.Custom8"/>, which a project declares.</summary>
    public static bool IsCustom(Risk risk) => TaxonomyIds.IsCustom((int)risk);

    /// <summary>The catalogue entry of one shipped hazard category (a single bit), or null.</summary>
    public static TaxonomyEntry? Describe(Hazard hazard) => HazardEntries.GetValueOrDefault(hazard);

    /// <summary>The Llama Guard code (S1…S14) of one shipped hazard category, or null.</summary>
    public static string? CodeOf(Hazard hazard) => HazardEntries.TryGetValue(hazard, out var entry) ? entry.Id["hazard.".Length..] : null;

    /// <summary>The shipped hazard category with a Llama Guard code such as <c>"S10"</c>, or <see cref="Hazard.None"/>.</summary>
    public static Hazard FromCode(string code)
    {
        foreach (var pair in HazardEntries)
        {
            if (string.Equals(pair.Value.Id, "hazard." + code.Trim(), System.StringComparison.OrdinalIgnoreCase))
            {
                return pair.Key;
            }
        }

        return Hazard.None;
    }

    /// <summary>Every hazard bit the SDK ships (S1–S14).</summary>
    public const Hazard Shipped = (Hazard)HazardBits.Shipped;

    /// <summary>Every bit a project may name with <see cref="HazardCategoryAttribute"/>.</summary>
    public const Hazard CustomRange = (Hazard)HazardBits.CustomRange;

    /// <summary>The level a benefit falls on, by its number: below 1000 individual, from 1000 societal.</summary>
    /// <exception cref="System.ArgumentException">A custom benefit, whose level only its declaration gives: ask <see cref="Describe(Benefit, PolicyRegistry)"/>.</exception>
    public static TaxonomyLevel LevelOf(Benefit benefit) =>
        IsCustom(benefit) ? throw new System.ArgumentException($"Benefit.{benefit} has the level its [BenefitCategory] declares; ask Taxonomy.Describe(benefit, registry).", nameof(benefit))
        : (int)benefit >= 1000 ? TaxonomyLevel.Societal : TaxonomyLevel.Individual;

    /// <summary>The level a risk falls on, by its number: below 1000 individual, from 1000 societal.</summary>
    /// <exception cref="System.ArgumentException">A custom risk, whose level only its declaration gives: ask <see cref="Describe(Risk, PolicyRegistry)"/>.</exception>
    public static TaxonomyLevel LevelOf(Risk risk) =>
        IsCustom(risk) ? throw new System.ArgumentException($"Risk.{risk} has the level its [RiskCategory] declares; ask Taxonomy.Describe(risk, registry).", nameof(risk))
        : (int)risk >= 1000 ? TaxonomyLevel.Societal : TaxonomyLevel.Individual;

    // The id comes from the one table the generator checks custom ids against; the level is the number's.
    private static TaxonomyEntry Catalogued(string kind, int number, string title, string description) =>
        new(TaxonomyIds.Shipped(kind, number)!, title, number >= 1000 ? TaxonomyLevel.Societal : TaxonomyLevel.Individual, description);

    private static TaxonomyEntry HazardEntry(string code, string title, string description) =>
        new("hazard." + code, title, TaxonomyLevel.Individual, description);
}
