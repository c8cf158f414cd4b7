using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0005: learning attributes the reader cannot use as written; each stops the policy's emission.
internal static partial class Problems
{
    public static PolicyProblem LearnableKindUnsupported(string dimension, string kind, SourceLocation? location) =>
        Blocks(Descriptors.LearnableKindUnsupported, location, dimension, kind);

    public static PolicyProblem LearnableOnHigherTier(string tier, string dimension, string rank, SourceLocation? location) =>
        Blocks(Descriptors.LearnableOnHigherTier, location, tier, dimension, rank);

    public static PolicyProblem LearningLimitOnUserTier(string source, string tier, string dimension, SourceLocation? location) =>
        Blocks(Descriptors.LearningLimitOnUserTier, location, source, tier, dimension);

    public static PolicyProblem LearningRangeKindUnsupported(string source, string dimension, string kind, SourceLocation? location) =>
        Blocks(Descriptors.LearningRangeKindUnsupported, location, source, dimension, kind);
}
