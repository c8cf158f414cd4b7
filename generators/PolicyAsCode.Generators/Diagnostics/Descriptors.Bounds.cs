using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// Bounds, defaults and waivers: what the reader finds unusable (PAC0005, PAC0010) and what the analysers' checks find
// against the tiers above (PAC0001, PAC0002, PAC0006, PAC0012, PAC0014).
internal static partial class Descriptors
{
    // PAC0001
    public static readonly DiagnosticDescriptor ValueOutsideBound = Create(DiagnosticIds.OverridesHigherBound, OverridesHigherBoundTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "The {0} {1} of {2}.{3} lies outside {4}{5}, which allows {6}");
    public static readonly DiagnosticDescriptor BoundLeavesNothing = Create(DiagnosticIds.OverridesHigherBound, OverridesHigherBoundTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "{0} leaves no value that {1} allows{2} ({3})");

    // PAC0012
    public static readonly DiagnosticDescriptor BoundLeavesNothingInSomeContexts = Create(DiagnosticIds.OverridesInSomeContexts, OverridesInSomeContextsTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "{0} leaves no value that {1} allows in {2} {3} ({4}); there resolution skips it and grants the strictest value the tiers above allow");

    // PAC0002
    public static readonly DiagnosticDescriptor BoundNoNarrower = Create(DiagnosticIds.BoundHasNoEffect, BoundHasNoEffectTitle, Bounds, DiagnosticSeverity.Warning, !Blocking, "{0}'s {1} on {2} is no narrower than {3}{4}, so it has no effect there ({5} is allowed either way)");

    // PAC0006
    public static readonly DiagnosticDescriptor BoundsContradict = Create(DiagnosticIds.ContradictoryBounds, ContradictoryBoundsTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "{0}'s bounds on {1} contradict each other: {2} leaves no value after {3}");
    public static readonly DiagnosticDescriptor ConditionalBoundContradicts = Create(DiagnosticIds.ContradictoryBounds, ContradictoryBoundsTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "{0}'s bounds on {1} contradict each other: {2} leaves no value inside {3}");

    // PAC0014
    public static readonly DiagnosticDescriptor AvoidListCapped = Create(DiagnosticIds.CappedAvoidList, CappedAvoidListTitle, Bounds, DiagnosticSeverity.Error, !Blocking, "{0}'s {1} caps the hazards a user may ask to avoid on {2}: users could no longer avoid {3}; a tier may require hazards on the list (AtLeast) or forbid them ([Forbid]), never cap it");

    // PAC0005
    public static readonly DiagnosticDescriptor NeverTogetherTooFewFacts = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "[NeverTogether] must name at least two distinct single facts (e.g. Fact.Minor, Fact.VerifiedAdult)");
    public static readonly DiagnosticDescriptor StringDimensionNotListed = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "string dimension {0} needs [Allowed(...)] on the user tier listing its values, strictest first");
    public static readonly DiagnosticDescriptor UserDefaultNotConstant = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "the default of {0} must be a constant: {1}");
    public static readonly DiagnosticDescriptor TierDefaultNotConstant = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "the default {0}.{1} must be a constant: {2}");
    public static readonly DiagnosticDescriptor AllowedOnNumber = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} cannot bound {1}: the {2} dimension takes AtMost, AtLeast, Between or Locked");
    public static readonly DiagnosticDescriptor BoundValueUnusable = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} on {1}: {2}");
    public static readonly DiagnosticDescriptor AllowedNothing = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} on {1} allows nothing: list at least one value");
    public static readonly DiagnosticDescriptor BoundIncomplete = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} on {1} is incomplete");
    public static readonly DiagnosticDescriptor BoundAllowsNoValue = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} on {1} allows no value (is lo above hi?)");
    public static readonly DiagnosticDescriptor ForbidsNoHazard = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} forbids no hazard");

    // PAC0010
    public static readonly DiagnosticDescriptor WaivableByHigherRank = Create(DiagnosticIds.UndelegatedWaiver, UndelegatedWaiverTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} of {1} can only be waivable by a lower tier, not by the {2} tier");
    public static readonly DiagnosticDescriptor WaiverOfNonTier = Create(DiagnosticIds.UndelegatedWaiver, UndelegatedWaiverTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0}.{1} claims a waiver of a type that is not a higher tier of this policy");
    public static readonly DiagnosticDescriptor WaiverNotDelegated = Create(DiagnosticIds.UndelegatedWaiver, UndelegatedWaiverTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} claims a waiver of {1}'s bound on {2}, but {1} does not delegate that waiver to the {3} tier");
}
