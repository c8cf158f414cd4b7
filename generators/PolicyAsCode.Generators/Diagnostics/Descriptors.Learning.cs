using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// Learning from feedback ([Learnable], [NotLearnable], [LearnWithin]) written where it cannot apply: PAC0005, like any
// bound that does not fit its dimension.
internal static partial class Descriptors
{
    // PAC0005
    public static readonly DiagnosticDescriptor LearnableKindUnsupported = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "[Learnable] cannot apply to {0}: only an ordered enum, int, double or bool dimension can be learned from feedback, not a {1}");
    public static readonly DiagnosticDescriptor LearnableOnHigherTier = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "[Learnable] on {0}.{1}: only the user tier marks a dimension learnable; a {2} may narrow learning with [LearnWithin] or forbid it with [NotLearnable]");
    public static readonly DiagnosticDescriptor LearningLimitOnUserTier = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "[{0}] on {1}.{2}: only a law or an organisation limits learning; the user tier marks a dimension [Learnable] or not");
    public static readonly DiagnosticDescriptor LearningRangeKindUnsupported = Create(DiagnosticIds.BoundMisfit, BoundMisfitTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} cannot apply to {1}: a learning range needs an ordered enum, int or double dimension, not a {2}");
}
