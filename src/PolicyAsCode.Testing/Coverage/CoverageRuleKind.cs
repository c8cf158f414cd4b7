namespace PolicyAsCode.Testing;

/// <summary>What kind of rule coverage counts.</summary>
public enum CoverageRuleKind
{
    /// <summary>A bound a tier sets on a dimension.</summary>
    Bound,

    /// <summary>A lower tier's claim of a waiver a higher tier delegated.</summary>
    Waiver,

    /// <summary>A tier's rule refusing hazards, or the user's own list of hazards to avoid.</summary>
    HazardRule,
}
