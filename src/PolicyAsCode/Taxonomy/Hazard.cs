using System;

namespace PolicyAsCode;

/// <summary>
/// Content hazard categories. Bits 0–13 are the 14 MLCommons hazard categories that Llama Guard 3 reports
/// as S1–S14; bits 32–39 (<see cref="Custom1"/>…<see cref="Custom8"/>) are free for a project's own categories, named with <see cref="HazardCategoryAttribute"/>.
/// </summary>
[Flags]
public enum Hazard : ulong
{
    /// <summary>No hazard.</summary>
    None = 0,

    /// <summary>S1: violent crimes.</summary>
    ViolentCrimes = 1UL << 0,

    /// <summary>S2: non-violent crimes.</summary>
    NonViolentCrimes = 1UL << 1,

    /// <summary>S3: sex-related crimes.</summary>
    SexRelatedCrimes = 1UL << 2,

    /// <summary>S4: child sexual exploitation.</summary>
    ChildSexualExploitation = 1UL << 3,

    /// <summary>S5: defamation.</summary>
    Defamation = 1UL << 4,

    /// <summary>S6: specialised advice (financial, medical, legal).</summary>
    SpecializedAdvice = 1UL << 5,

    /// <summary>S7: privacy.</summary>
    Privacy = 1UL << 6,

    /// <summary>S8: intellectual property.</summary>
    IntellectualProperty = 1UL << 7,

    /// <summary>S9: indiscriminate weapons.</summary>
    IndiscriminateWeapons = 1UL << 8,

    /// <summary>S10: hate.</summary>
    Hate = 1UL << 9,

    /// <summary>S11: suicide and self-harm.</summary>
    SuicideAndSelfHarm = 1UL << 10,

    /// <summary>S12: sexual content.</summary>
    SexualContent = 1UL << 11,

    /// <summary>S13: elections.</summary>
    Elections = 1UL << 12,

    /// <summary>S14: code interpreter abuse.</summary>
    CodeInterpreterAbuse = 1UL << 13,

    /// <summary>A project-defined category (name it with <see cref="HazardCategoryAttribute"/>).</summary>
    Custom1 = 1UL << 32,

    /// <summary>A project-defined category.</summary>
    Custom2 = 1UL << 33,

    /// <summary>A project-defined category.</summary>
    Custom3 = 1UL << 34,

    /// <summary>A project-defined category.</summary>
    Custom4 = 1UL << 35,

    /// <summary>A project-defined category.</summary>
    Custom5 = 1UL << 36,

    /// <summary>A project-defined category.</summary>
    Custom6 = 1UL << 37,

    /// <summary>A project-defined category.</summary>
    Custom7 = 1UL << 38,

    /// <summary>A project-defined category.</summary>
    Custom8 = 1UL << 39,
}
