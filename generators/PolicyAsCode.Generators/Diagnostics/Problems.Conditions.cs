using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0021 and PAC0022: conditions that do not read as they mean, or say the same thing twice.
internal static partial class Problems
{
    /// <summary>
    /// <c>When</c> (or <c>Unless</c>, <paramref name="isUnless"/>) of <paramref name="rule"/> names several facts
    /// (<paramref name="facts"/> in words), written <paramref name="written"/>; the one-fact property cannot say "all of".
    /// </summary>
    public static PolicyProblem SeveralFactsInOneCondition(string rule, bool isUnless, string facts, string written, SourceLocation? location) =>
        Blocks(isUnless ? Descriptors.SeveralFactsInUnless : Descriptors.SeveralFactsInWhen, location, rule, facts, written);

    /// <summary>
    /// <paramref name="rule"/> sets both <paramref name="single"/> and <paramref name="all"/>; <paramref name="merged"/>
    /// is the one <paramref name="all"/> that names every fact of both.
    /// </summary>
    public static PolicyProblem ConditionSetTwice(string rule, string single, string all, string merged, SourceLocation? location) =>
        Blocks(Descriptors.ConditionSetTwice, location, rule, single, all, merged);
}
