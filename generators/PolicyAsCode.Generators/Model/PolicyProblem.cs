using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Model;

/// <summary>
/// Something wrong with a policy, found while building the model. Analysers report them all; the generator uses
/// <see cref="BlocksEmission"/> to emit nothing rather than something misleading, and then reports the blocking ones
/// itself, so a policy never goes without its evaluator silently. Built only by the named factories of
/// <see cref="Diagnostics.Problems"/>.
/// </summary>
/// <param name="Descriptor">What kind of problem: its id, title and message format.</param>
/// <param name="Arguments">The words that fill the message format (names, values, counts), in order.</param>
/// <param name="Location">Where, when known.</param>
/// <param name="BlocksEmission">Whether the model is unsound, so no evaluator may be emitted.</param>
/// <param name="UnmatchedProperty">For a tier property matching no dimension: its tier type and name, so analysers can
/// tell whether another user tier below the same tier has that dimension.</param>
internal sealed record PolicyProblem(DiagnosticDescriptor Descriptor, EquatableArray<string> Arguments, SourceLocation? Location, bool BlocksEmission, string? UnmatchedProperty = null)
{
    /// <summary>The diagnostic id the problem is reported under (PAC0003, …).</summary>
    public string Id => Descriptor.Id;

    /// <summary>The message as a build prints it: the descriptor's format filled with <see cref="Arguments"/>.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), [.. Arguments]);
}
