using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>
/// A diagnostic to report: what kind (its descriptor), the words that fill its message, where, and for PAC0001 the
/// value a fix would write. Built by the named factories of <see cref="Findings"/>, or from a reader's problem.
/// </summary>
/// <param name="Descriptor">The descriptor: id, title, message format.</param>
/// <param name="Arguments">The words that fill the message format, in order.</param>
/// <param name="Location">Where.</param>
/// <param name="FixExpression">C# for the nearest allowed value, or null when no single fix exists.</param>
/// <param name="FixLabel">How the fixed value reads, e.g. <c>Teen</c>.</param>
/// <param name="RemovalKeepsPolicy">For PAC0002: removing the bound leaves what users may choose unchanged in every jurisdiction and context.</param>
internal sealed record PolicyFinding(DiagnosticDescriptor Descriptor, EquatableArray<string> Arguments, SourceLocation? Location, string? FixExpression = null, string? FixLabel = null, bool RemovalKeepsPolicy = false)
{
    /// <summary>The diagnostic id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The message as a build prints it.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), [.. Arguments]);

    /// <summary>A problem the reader found, reported as it is.</summary>
    public static PolicyFinding Of(PolicyProblem problem) => new(problem.Descriptor, problem.Arguments, problem.Location);
}
