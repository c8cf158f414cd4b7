namespace PolicyAsCode;

/// <summary>
/// Benefits of personalising an assistant, after Kirk, Vidgen, Röttger and Hale (2023), at the individual
/// and the societal level. Values below 1000 are individual, from 1000 societal; numbers are stable.
/// See <see cref="Taxonomy"/> for stable ids and descriptions. <see cref="Custom1"/>…<see cref="Custom8"/> (9001–9008)
/// are free for a project's own benefits, each declared with <see cref="BenefitCategoryAttribute"/>, which gives its id and level.
/// </summary>
public enum Benefit
{
    /// <summary>Individual: the user gets what they need with less effort and time.</summary>
    Efficiency = 1,

    /// <summary>Individual: the user decides how their assistant behaves.</summary>
    Autonomy = 2,

    /// <summary>Individual: answers fit the user's situation, knowledge and goals.</summary>
    Usefulness = 3,

    /// <summary>Individual: the interaction feels comfortable, engaging and respectful of the user.</summary>
    Wellbeing = 4,

    /// <summary>Individual: explanations are pitched where the user learns best.</summary>
    Learning = 5,

    /// <summary>Societal: people with different abilities, languages and means can use the assistant.</summary>
    InclusionAndAccess = 1001,

    /// <summary>Societal: the assistant reflects many cultures and values, not one default.</summary>
    DiversityOfRepresentation = 1002,

    /// <summary>Societal: communities decide the norms of their own assistants.</summary>
    Pluralism = 1003,

    /// <summary>A project-defined benefit (declare it with <see cref="BenefitCategoryAttribute"/>).</summary>
    Custom1 = 9001,

    /// <summary>A project-defined benefit.</summary>
    Custom2 = 9002,

    /// <summary>A project-defined benefit.</summary>
    Custom3 = 9003,

    /// <summary>A project-defined benefit.</summary>
    Custom4 = 9004,

    /// <summary>A project-defined benefit.</summary>
    Custom5 = 9005,

    /// <summary>A project-defined benefit.</summary>
    Custom6 = 9006,

    /// <summary>A project-defined benefit.</summary>
    Custom7 = 9007,

    /// <summary>A project-defined benefit.</summary>
    Custom8 = 9008,
}
