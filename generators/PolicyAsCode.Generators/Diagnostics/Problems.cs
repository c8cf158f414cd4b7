using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// The problems the reader finds, one named factory each: a call says what is wrong in the policy's terms (a tier, a
/// dimension, a bound) and the factory picks the descriptor, its arguments and whether the problem blocks the
/// generator. Nothing else builds a <see cref="PolicyProblem"/>.
/// </summary>
internal static partial class Problems
{
    // A blocking problem: the model is unsound and the generator emits nothing for the policy.
    private static PolicyProblem Blocks(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor, arguments.ToEquatableArray(), location, BlocksEmission: true);

    // A problem the analysers report while the generator still emits a sound evaluator.
    private static PolicyProblem Reports(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor, arguments.ToEquatableArray(), location, BlocksEmission: false);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
