using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0003, PAC0004 and PAC0009: how tiers sit within each other, which properties match dimensions, and whether the
// generator can extend a tier type.
internal static partial class Problems
{
    public static PolicyProblem WithinMissingType(string tier, SourceLocation? location) =>
        Blocks(Descriptors.WithinMissingType, location, tier);

    public static PolicyProblem WithinNonTier(string tier, string target, SourceLocation? location) =>
        Blocks(Descriptors.WithinNonTier, location, tier, target);

    /// <summary>A tier within a tier of its own or a lower rank (a law within anything but a law).</summary>
    public static PolicyProblem WithinWrongRank(string tier, int rank, string target, int targetRank, SourceLocation? location) =>
        Blocks(rank == Ranks.Immutable ? Descriptors.LawWithinNonLaw : Descriptors.WithinSameOrLowerRank, location, tier, Ranks.Describe(rank), target, Ranks.Describe(targetRank));

    public static PolicyProblem WithinItself(string tier, SourceLocation? location) =>
        Blocks(Descriptors.WithinItself, location, tier);

    /// <summary>A law without a jurisdiction or an organisation without a name.</summary>
    public static PolicyProblem EmptyTierName(string tier, int rank, SourceLocation? location) =>
        Blocks(rank == Ranks.Immutable ? Descriptors.EmptyJurisdiction : Descriptors.EmptyOrganisationName, location, tier);

    public static PolicyProblem JurisdictionWithinItself(string law, string jurisdiction, SourceLocation? location) =>
        Blocks(Descriptors.JurisdictionWithinItself, location, law, jurisdiction);

    public static PolicyProblem LawCycle(string law, string cycle, SourceLocation? location) =>
        Blocks(Descriptors.LawCycle, location, law, cycle);

    /// <summary>
    /// A bounded property no user tier below has a dimension for. It does not block: the analysers report it only when
    /// no user tier below the same tier has the dimension (<paramref name="property"/> names it across policies).
    /// </summary>
    public static PolicyProblem BoundOnNoDimension(string tier, string propertyName, string property, SourceLocation? location) =>
        Reports(Descriptors.BoundOnNoDimension, location, tier, propertyName) with { UnmatchedProperty = property };

    public static PolicyProblem PropertyTypeDiffers(string tier, string property, string type, string dimension, string dimensionType, SourceLocation? location) =>
        Blocks(Descriptors.PropertyTypeDiffers, location, tier, property, type, dimension, dimensionType);

    public static PolicyProblem NotARecordClass(string type, SourceLocation? location) =>
        Blocks(Descriptors.NotARecordClass, location, type);

    public static PolicyProblem NotPartial(string type, SourceLocation? location) =>
        Blocks(Descriptors.NotPartial, location, type);

    public static PolicyProblem ContainerNotPartial(string type, string container, SourceLocation? location) =>
        Blocks(Descriptors.ContainerNotPartial, location, type, container);

    public static PolicyProblem IncompleteName(string type, string incomplete, SourceLocation? location) =>
        Blocks(Descriptors.IncompleteName, location, type, incomplete);

    public static PolicyProblem NoParameterlessConstructor(string type, SourceLocation? location) =>
        Blocks(Descriptors.NoParameterlessConstructor, location, type);

    public static PolicyProblem PrimaryConstructorParameters(string type, SourceLocation? location) =>
        Blocks(Descriptors.PrimaryConstructorParameters, location, type);

    public static PolicyProblem RequiredMember(string type, string member, SourceLocation? location) =>
        Blocks(Descriptors.RequiredMember, location, type, member);

    public static PolicyProblem NestedTypeNamedVar(string container, SourceLocation? location) =>
        Blocks(Descriptors.NestedTypeNamedVar, location, container);

    /// <summary>A type named <c>var</c> in <paramref name="where"/> ("namespace X", "the global namespace").</summary>
    public static PolicyProblem NamespaceTypeNamedVar(string where, string type, SourceLocation? location) =>
        Blocks(Descriptors.NamespaceTypeNamedVar, location, where, type);

    /// <summary>A dimension whose <paramref name="accessor"/> (get, set or init) is <paramref name="accessibility"/>.</summary>
    public static PolicyProblem NonPublicAccessor(string tier, string property, string accessibility, string accessor, SourceLocation? location) =>
        Blocks(Descriptors.NonPublicAccessor, location, tier, property, accessibility, accessor);

    public static PolicyProblem GenericTier(string type, SourceLocation? location) =>
        Blocks(Descriptors.GenericTier, location, type);

    public static PolicyProblem NestedInGeneric(string type, string outer, SourceLocation? location) =>
        Blocks(Descriptors.NestedInGeneric, location, type, outer);
}
