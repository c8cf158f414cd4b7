using Microsoft.CodeAnalysis.CSharp;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>Names as C# code must spell them.</summary>
internal static class CSharpNames
{
    /// <summary>A reserved keyword used as a name (a property declared as <c>@class</c>) needs its <c>@</c> back.</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
