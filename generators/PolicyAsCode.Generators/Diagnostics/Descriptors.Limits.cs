using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// What the generated evaluator cannot represent or would clash with (PAC0016 to PAC0020, once all PAC0011).
internal static partial class Descriptors
{
    // PAC0016
    public static readonly DiagnosticDescriptor NotADimensionKind = Create(DiagnosticIds.NotADimensionKind, NotADimensionKindTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} has type {1}, which is not a dimension kind: use bool, an enum, a [Flags] enum, int, double or string");

    // PAC0017
    public static readonly DiagnosticDescriptor TooManyStringValues = Create(DiagnosticIds.TooManyValues, TooManyValuesTitle, Tiers, DiagnosticSeverity.Error, Blocking, "string dimension {0} lists {1} values; a dimension may have at most {2}");
    public static readonly DiagnosticDescriptor EnumMemberCount = Create(DiagnosticIds.TooManyValues, TooManyValuesTitle, Tiers, DiagnosticSeverity.Error, Blocking, "enum {0} of dimension {1} must have 1 to {2} members");

    // PAC0018
    public static readonly DiagnosticDescriptor TooManyHazardRules = Create(DiagnosticIds.TooManyHazardRules, TooManyHazardRulesTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} has {1} hazard rules (its tiers' [Forbid] rules and the user's own list); a policy may have at most {2}");

    // PAC0019
    public static readonly DiagnosticDescriptor ReservedMemberName = Create(DiagnosticIds.ReservedMemberName, ReservedMemberNameTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} has a name the generated evaluator needs: rename it");

    // PAC0020
    public static readonly DiagnosticDescriptor SameJsonName = Create(DiagnosticIds.SameJsonName, SameJsonNameTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} and {0}.{2} are both named \"{3}\" in preferences JSON: rename one");
}
