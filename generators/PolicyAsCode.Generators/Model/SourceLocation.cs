using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAsCode.Generators.Model;

/// <summary>A place in source, kept as plain values so models stay equatable and hold no syntax tree.</summary>
internal sealed record SourceLocation(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static SourceLocation? From(Location? location) =>
        location is null || !location.IsInSource
            ? null
            : new SourceLocation(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

    public static SourceLocation? From(SyntaxReference? reference) =>
        reference is null ? null : From(Location.Create(reference.SyntaxTree, reference.Span));

    /// <summary>Rebuilds a Roslyn location for reporting (no tree: analysers map it back through the file path).</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, Lines);
}
