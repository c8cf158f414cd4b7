using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>A diagnostic to report: its id, a plain sentence, where, and for PAC0001 the value a fix would write.</summary>
/// <param name="Id">PAC id.</param>
/// <param name="Message">The sentence.</param>
/// <param name="Location">Where.</param>
/// <param name="FixExpression">C# for the nearest allowed value, or null when no single fix exists.</param>
/// <param name="FixLabel">How the fixed value reads, e.g. <c>Teen</c>.</param>
/// <param name="RemovalKeepsPolicy">For PAC0002: removing the bound leaves what users may choose unchanged in every jurisdiction and context.</param>
internal sealed record PolicyFinding(string Id, string Message, SourceLocation? Location, string? FixExpression = null, string? FixLabel = null, bool RemovalKeepsPolicy = false);
