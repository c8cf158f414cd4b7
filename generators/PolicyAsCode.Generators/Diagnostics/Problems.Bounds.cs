using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0005 and PAC0010: bounds, defaults, fact sets and waivers the reader cannot use as written.
internal static partial class Problems
{
    /// <summary>A <c>[NeverTogether]</c> naming fewer than two facts: it is ignored, so it does not block.</summary>
    public static PolicyProblem NeverTogetherTooFewFacts(SourceLocation? location) =>
        Reports(Descriptors.NeverTogetherTooFewFacts, location);

    public static PolicyProblem StringDimensionNotListed(string dimension, SourceLocation? location) =>
        Blocks(Descriptors.StringDimensionNotListed, location, dimension);

    public static PolicyProblem UserDefaultNotConstant(string dimension, string error, SourceLocation? location) =>
        Blocks(Descriptors.UserDefaultNotConstant, location, dimension, error);

    public static PolicyProblem TierDefaultNotConstant(string tier, string property, string error, SourceLocation? location) =>
        Blocks(Descriptors.TierDefaultNotConstant, location, tier, property, error);

    /// <summary><c>[Allowed]</c> (<paramref name="source"/>) on a numeric dimension.</summary>
    public static PolicyProblem AllowedOnNumber(string source, string dimension, string dimensionType, SourceLocation? location) =>
        Blocks(Descriptors.AllowedOnNumber, location, source, dimension, dimensionType);

    public static PolicyProblem BoundValueUnusable(string source, string dimension, string error, SourceLocation? location) =>
        Blocks(Descriptors.BoundValueUnusable, location, source, dimension, error);

    public static PolicyProblem AllowedNothing(string source, string dimension, SourceLocation? location) =>
        Blocks(Descriptors.AllowedNothing, location, source, dimension);

    public static PolicyProblem BoundIncomplete(string source, string dimension, SourceLocation? location) =>
        Blocks(Descriptors.BoundIncomplete, location, source, dimension);

    public static PolicyProblem BoundAllowsNoValue(string source, string dimension, SourceLocation? location) =>
        Blocks(Descriptors.BoundAllowsNoValue, location, source, dimension);

    public static PolicyProblem ForbidsNoHazard(string source, SourceLocation? location) =>
        Blocks(Descriptors.ForbidsNoHazard, location, source);

    public static PolicyProblem WaivableByHigherRank(string source, string tier, int waivableBy, SourceLocation? location) =>
        Blocks(Descriptors.WaivableByHigherRank, location, source, tier, Ranks.Describe(waivableBy));

    public static PolicyProblem WaiverOfNonTier(string tier, string dimension, SourceLocation? location) =>
        Blocks(Descriptors.WaiverOfNonTier, location, tier, dimension);

    /// <summary>A claimed waiver the bound does not delegate: the claim is ignored (the bound binds), so it does not block.</summary>
    public static PolicyProblem WaiverNotDelegated(string tier, string target, string dimension, int rank, SourceLocation? location) =>
        Reports(Descriptors.WaiverNotDelegated, location, tier, target, dimension, Ranks.Describe(rank));
}
