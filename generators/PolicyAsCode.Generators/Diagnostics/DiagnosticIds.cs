namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// Every PolicyAsCode diagnostic id, written once. The generator's reader, the analysers' checks and the code fixes
/// name ids only through these constants (this file is compiled into the generator and, linked, into the analysers),
/// so an id cannot be mistyped in one place and a help page, release row or test cannot miss one.
/// </summary>
/// <remarks>
/// PAC0011 is retired: it covered five unrelated problems, now PAC0016 to PAC0020. An id is never reused.
/// </remarks>
internal static class DiagnosticIds
{
    /// <summary>A lower tier's value or bound leaves nothing a higher tier's bound allows, wherever it is in force.</summary>
    public const string OverridesHigherBound = "PAC0001";

    /// <summary>A lower tier's bound is no narrower than the tiers above it: it has no effect.</summary>
    public const string BoundHasNoEffect = "PAC0002";

    /// <summary>The tiers' <c>Within</c> lists, ranks or names do not form a hierarchy.</summary>
    public const string WrongHierarchy = "PAC0003";

    /// <summary>A higher tier's property matches no dimension, or has a dimension's name but another type.</summary>
    public const string UnmatchedProperty = "PAC0004";

    /// <summary>A bound, default or fact set does not fit its dimension.</summary>
    public const string BoundMisfit = "PAC0005";

    /// <summary>One tier's own bounds on a dimension leave no value.</summary>
    public const string ContradictoryBounds = "PAC0006";

    /// <summary>A dimension names no benefit it enables or risk it mitigates.</summary>
    public const string NoTaxonomyLink = "PAC0007";

    /// <summary>No law or organisation bounds a dimension.</summary>
    public const string OpenPersonalisation = "PAC0008";

    /// <summary>The generator cannot add its evaluator to the tier type.</summary>
    public const string NotExtensible = "PAC0009";

    /// <summary>A waiver is claimed that the bound does not delegate, or a bound is waivable by the wrong rank.</summary>
    public const string UndelegatedWaiver = "PAC0010";

    /// <summary>A lower tier's bound leaves nothing a higher tier's bound allows, in some contexts only.</summary>
    public const string OverridesInSomeContexts = "PAC0012";

    /// <summary>An <c>[assembly: HazardCategory]</c> cannot be used as written.</summary>
    public const string BadHazardCategory = "PAC0013";

    /// <summary>A bound caps the hazards a user may ask to avoid.</summary>
    public const string CappedAvoidList = "PAC0014";

    /// <summary>A custom benefit or risk is undeclared, or its declaration cannot be used.</summary>
    public const string BadCustomTaxonomy = "PAC0015";

    /// <summary>A user-tier property's type is not a dimension kind (was PAC0011).</summary>
    public const string NotADimensionKind = "PAC0016";

    /// <summary>An enum or string dimension has no value or more than the lattice can hold (was PAC0011).</summary>
    public const string TooManyValues = "PAC0017";

    /// <summary>A policy has more hazard rules than a decision can track (was PAC0011).</summary>
    public const string TooManyHazardRules = "PAC0018";

    /// <summary>A member of the user tier has a name the generated evaluator needs (was PAC0011).</summary>
    public const string ReservedMemberName = "PAC0019";

    /// <summary>Two dimensions have the same name in preferences JSON (was PAC0011).</summary>
    public const string SameJsonName = "PAC0020";
}
