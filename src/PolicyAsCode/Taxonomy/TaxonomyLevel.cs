namespace PolicyAsCode;

/// <summary>Whom a benefit or risk of personalisation falls on.</summary>
public enum TaxonomyLevel
{
    /// <summary>The individual user.</summary>
    Individual,

    /// <summary>Society at large.</summary>
    Societal,
}
