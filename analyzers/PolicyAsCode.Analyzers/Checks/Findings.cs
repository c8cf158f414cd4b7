using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>
/// What the checks find, one named factory each. The checks word the parts (a tier, a bound, what a higher tier
/// allows) with <see cref="PolicyView"/> and <see cref="ValueText"/>; a factory picks the descriptor they fill.
/// </summary>
internal static class Findings
{
    /// <summary>PAC0001: a value (<paramref name="what"/>: "default", "preset value") outside <paramref name="whose"/> bound.</summary>
    public static PolicyFinding ValueOutsideBound(string what, string value, string tierType, string dimension, string whose, string where, string allows, SourceLocation? location) =>
        Of(Descriptors.ValueOutsideBound, location, what, value, tierType, dimension, whose, where, allows);

    /// <summary>PAC0001: a bound (<paramref name="subject"/>) that leaves nothing the bound above allows, wherever it is in force.</summary>
    public static PolicyFinding BoundLeavesNothing(string subject, string against, string where, string allows, SourceLocation? location) =>
        Of(Descriptors.BoundLeavesNothing, location, subject, against, where, allows);

    /// <summary>PAC0012: the same, only in <paramref name="jurisdiction"/> when <paramref name="context"/> holds.</summary>
    public static PolicyFinding BoundLeavesNothingInSomeContexts(string subject, string against, string jurisdiction, string context, string allows, SourceLocation? location) =>
        Of(Descriptors.BoundLeavesNothingInSomeContexts, location, subject, against, jurisdiction, context, allows);

    /// <summary>PAC0002: a bound no narrower than <paramref name="than"/>.</summary>
    public static PolicyFinding BoundNoNarrower(string tier, string bound, string dimension, string than, string where, string allows, SourceLocation? location) =>
        Of(Descriptors.BoundNoNarrower, location, tier, bound, dimension, than, where, allows);

    /// <summary>PAC0006: an unconditional bound that leaves nothing after the tier's earlier ones.</summary>
    public static PolicyFinding BoundsContradict(string tier, string dimension, string bound, string after, SourceLocation? location) =>
        Of(Descriptors.BoundsContradict, location, tier, dimension, bound, after);

    /// <summary>PAC0006: a conditional bound that leaves nothing inside what the tier always allows.</summary>
    public static PolicyFinding ConditionalBoundContradicts(string tier, string dimension, string bound, string inside, SourceLocation? location) =>
        Of(Descriptors.ConditionalBoundContradicts, location, tier, dimension, bound, inside);

    /// <summary>PAC0007.</summary>
    public static PolicyFinding NoTaxonomyLink(string dimension, SourceLocation? location) =>
        Of(Descriptors.NoTaxonomyLink, location, dimension);

    /// <summary>PAC0008.</summary>
    public static PolicyFinding OpenPersonalisation(string dimension, SourceLocation? location) =>
        Of(Descriptors.OpenPersonalisation, location, dimension);

    /// <summary>PAC0014: a bound that strips <paramref name="capped"/> from what users may ask to avoid.</summary>
    public static PolicyFinding AvoidListCapped(string tier, string bound, string dimension, string capped, SourceLocation? location) =>
        Of(Descriptors.AvoidListCapped, location, tier, bound, dimension, capped);

    private static PolicyFinding Of(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor, arguments.ToEquatableArray(), location);
}
