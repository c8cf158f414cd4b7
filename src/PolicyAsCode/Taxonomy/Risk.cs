namespace PolicyAsCode;

/// <summary>
/// Risks of personalising an assistant, after Kirk, Vidgen, Röttger and Hale (2023), at the individual
/// and the societal level. Values below 1000 are individual, from 1000 societal; numbers are stable.
/// See <see cref="Taxonomy"/> for stable ids and descriptions. <see cref="Custom1"/>…<see cref="Custom8"/> (9001–9008)
/// are free for a project's own risks, each declared with <see cref="RiskCategoryAttribute"/>, which gives its id and level.
/// </summary>
public enum Risk
{
    /// <summary>Individual: the user leans on the assistant where their own judgement should stay in charge.</summary>
    OverReliance = 1,

    /// <summary>Individual: the user takes the assistant for a person, with feelings or a relationship.</summary>
    Anthropomorphism = 2,

    /// <summary>Individual: personal data is kept, inferred or exposed beyond what the user agreed to.</summary>
    PrivacyInfringement = 3,

    /// <summary>Individual: the user is reduced to a stereotype of a group they seem to belong to.</summary>
    ProfilingAndEssentialism = 4,

    /// <summary>Individual: minors and vulnerable users are steered, exploited or shown harmful content.</summary>
    ManipulationOfTheVulnerable = 5,

    /// <summary>Individual: the assistant tells the user what they want to hear rather than what is true.</summary>
    Sycophancy = 6,

    /// <summary>Societal: each user sees only views that confirm their own; shared ground erodes.</summary>
    PolarisationAndFilterBubbles = 1001,

    /// <summary>Societal: personalisation is used to produce harm at scale (disinformation, fraud, abuse).</summary>
    MaliciousUse = 1002,

    /// <summary>Societal: the benefits of personalisation reach only those who can pay or already have access.</summary>
    UnequalAccess = 1003,

    /// <summary>Societal: a few providers' defaults flatten the diversity of views and styles.</summary>
    Homogenisation = 1004,

    /// <summary>A project-defined risk (declare it with <see cref="RiskCategoryAttribute"/>).</summary>
    Custom1 = 9001,

    /// <summary>A project-defined risk.</summary>
    Custom2 = 9002,

    /// <summary>A project-defined risk.</summary>
    Custom3 = 9003,

    /// <summary>A project-defined risk.</summary>
    Custom4 = 9004,

    /// <summary>A project-defined risk.</summary>
    Custom5 = 9005,

    /// <summary>A project-defined risk.</summary>
    Custom6 = 9006,

    /// <summary>A project-defined risk.</summary>
    Custom7 = 9007,

    /// <summary>A project-defined risk.</summary>
    Custom8 = 9008,
}
