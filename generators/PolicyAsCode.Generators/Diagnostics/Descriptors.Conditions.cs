using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// Conditions (PAC0021, PAC0022): how a bound, hazard rule or waiver says which facts it depends on. Both block the
// generator: a condition that reads otherwise than it means is not compiled into an evaluator, not even with its one
// meaning (all facts named must hold), so a build without the analysers cannot pass with it either.
internal static partial class Descriptors
{
    private const string SeveralFactsInOneConditionTitle = "When or Unless names several facts: write WhenAll or UnlessAll";
    private const string ConditionSetTwiceTitle = "A condition sets both When and WhenAll, or both Unless and UnlessAll";

    // PAC0021
    public static readonly DiagnosticDescriptor SeveralFactsInWhen = Create(DiagnosticIds.SeveralFactsInOneCondition, SeveralFactsInOneConditionTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} names several facts in When ({1}), where '|' reads as 'or', but all must hold: write WhenAll = {2}");
    public static readonly DiagnosticDescriptor SeveralFactsInUnless = Create(DiagnosticIds.SeveralFactsInOneCondition, SeveralFactsInOneConditionTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} names several facts in Unless ({1}), where '|' reads as 'or', but it is off only once all are known to hold: write UnlessAll = {2}");

    // PAC0022
    public static readonly DiagnosticDescriptor ConditionSetTwice = Create(DiagnosticIds.ConditionSetTwice, ConditionSetTwiceTitle, Bounds, DiagnosticSeverity.Error, Blocking, "{0} sets both {1} and {2}: name every fact in {2} alone ({2} = {3})");
}
