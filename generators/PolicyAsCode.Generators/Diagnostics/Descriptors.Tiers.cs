using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// The tiers themselves: how they sit within each other (PAC0003), which properties match dimensions (PAC0004),
// and whether the generator can extend the tier type at all (PAC0009).
internal static partial class Descriptors
{
    // PAC0003
    public static readonly DiagnosticDescriptor WithinMissingType = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} is within a type that does not exist");
    public static readonly DiagnosticDescriptor WithinNonTier = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} is within {1}, which is not a tier: mark it [ImmutableTier] or [OrganisationTier]");
    public static readonly DiagnosticDescriptor LawWithinNonLaw = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} ({1} tier) cannot be within {2} ({3} tier): a law sits only within other laws");
    public static readonly DiagnosticDescriptor WithinSameOrLowerRank = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} ({1} tier) cannot be within {2} ({3} tier): a tier sits only within tiers of a higher rank");
    public static readonly DiagnosticDescriptor WithinItself = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} cannot be within itself");
    public static readonly DiagnosticDescriptor EmptyJurisdiction = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} needs a non-empty jurisdiction");
    public static readonly DiagnosticDescriptor EmptyOrganisationName = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} needs a non-empty name");
    public static readonly DiagnosticDescriptor JurisdictionWithinItself = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} puts {1} within a jurisdiction that is itself within {1} through other laws: the laws' Within lists form a cycle");
    public static readonly DiagnosticDescriptor LawCycle = Create(DiagnosticIds.WrongHierarchy, WrongHierarchyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} is within itself ({1}): the laws' Within lists form a cycle");

    // PAC0004
    public static readonly DiagnosticDescriptor BoundOnNoDimension = Create(DiagnosticIds.UnmatchedProperty, UnmatchedPropertyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} is bounded but matches no dimension of any user tier below {0}");
    public static readonly DiagnosticDescriptor PropertyTypeDiffers = Create(DiagnosticIds.UnmatchedProperty, UnmatchedPropertyTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} has type {2} but dimension {3} has type {4}");

    // PAC0009
    public static readonly DiagnosticDescriptor NotARecordClass = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} must be a record class for the generator to add its evaluator");
    public static readonly DiagnosticDescriptor NotPartial = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} must be partial for the generator to add its evaluator");
    public static readonly DiagnosticDescriptor ContainerNotPartial = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} is nested in {1}, which must be partial too");
    public static readonly DiagnosticDescriptor IncompleteName = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} cannot be extended while the name of {1} is incomplete");
    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} needs a public parameterless constructor (no primary-constructor parameters), so defaults can be made");
    public static readonly DiagnosticDescriptor PrimaryConstructorParameters = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} must not have primary-constructor parameters: write each as an init-only property, with its default as an initialiser");
    public static readonly DiagnosticDescriptor RequiredMember = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} must not be required: the evaluator creates {0} records with default values");
    public static readonly DiagnosticDescriptor NestedTypeNamedVar = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} declares a type named 'var', which the generated evaluator's code would bind to: rename it");
    public static readonly DiagnosticDescriptor NamespaceTypeNamedVar = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} holds a type named 'var', which the generated evaluator of {1} would bind to: rename it");
    public static readonly DiagnosticDescriptor NonPublicAccessor = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0}.{1} has a {2} {3} accessor: a dimension needs a public get and a public set or init accessor (make the property non-public to keep it out of the policy)");
    public static readonly DiagnosticDescriptor GenericTier = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} must not be generic: a tier has one set of properties and bounds");
    public static readonly DiagnosticDescriptor NestedInGeneric = Create(DiagnosticIds.NotExtensible, NotExtensibleTitle, Tiers, DiagnosticSeverity.Error, Blocking, "{0} must not be nested in a generic type ({1})");
}
