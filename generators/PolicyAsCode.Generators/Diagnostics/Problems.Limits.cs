using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0016 to PAC0020: what the generated evaluator cannot represent, or would clash with.
internal static partial class Problems
{
    public static PolicyProblem NotADimensionKind(string property, string type, SourceLocation? location) =>
        Blocks(Descriptors.NotADimensionKind, location, property, type);

    public static PolicyProblem TooManyStringValues(string dimension, int count, int most, SourceLocation? location) =>
        Blocks(Descriptors.TooManyStringValues, location, dimension, Number(count), Number(most));

    public static PolicyProblem EnumMemberCount(string enumType, string dimension, int most, SourceLocation? location) =>
        Blocks(Descriptors.EnumMemberCount, location, enumType, dimension, Number(most));

    public static PolicyProblem TooManyHazardRules(string userTier, int count, int most, SourceLocation? location) =>
        Blocks(Descriptors.TooManyHazardRules, location, userTier, Number(count), Number(most));

    public static PolicyProblem ReservedMemberName(string type, string member, SourceLocation? location) =>
        Blocks(Descriptors.ReservedMemberName, location, type, member);

    public static PolicyProblem SameJsonName(string tier, string dimension, string first, string jsonName, SourceLocation? location) =>
        Blocks(Descriptors.SameJsonName, location, tier, dimension, first, jsonName);
}
