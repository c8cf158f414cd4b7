using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>Names as C# code must spell them.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// A keyword used as a name needs its <c>@</c> back: a reserved one (a property declared as <c>@class</c>) and a
    /// contextual one too (a record named <c>@partial</c> or <c>@record</c>, which the generated
    /// <c>partial record partial</c> could not parse). An <c>@</c> before any other identifier is harmless, so every
    /// keyword gets one.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// A namespace or type's full name as code spells it, without <c>global::</c>: every name in it escaped as
    /// <see cref="Escape"/> does (the compiler's own display escapes reserved keywords only).
    /// </summary>
    public static string FullName(INamespaceOrTypeSymbol symbol)
    {
        var text = new StringBuilder();
        foreach (var part in symbol.ToDisplayParts(SymbolDisplayFormat.FullyQualifiedFormat))
        {
            var piece = part.ToString();
            if (part.Symbol is not null && part.Kind != SymbolDisplayPartKind.Keyword && IsName(part.Kind))
            {
                piece = Escape(piece.StartsWith("@", System.StringComparison.Ordinal) ? piece.Substring(1) : piece);
            }

            text.Append(piece);
        }

        var name = text.ToString();
        return name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
    }

    private static bool IsName(SymbolDisplayPartKind kind) => kind is SymbolDisplayPartKind.NamespaceName or SymbolDisplayPartKind.ClassName
        or SymbolDisplayPartKind.RecordClassName or SymbolDisplayPartKind.RecordStructName or SymbolDisplayPartKind.StructName
        or SymbolDisplayPartKind.EnumName or SymbolDisplayPartKind.InterfaceName or SymbolDisplayPartKind.DelegateName;
}
