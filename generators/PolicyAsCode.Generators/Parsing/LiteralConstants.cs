using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>
/// The constant of a literal, read from its token: the value the compiler binds it to (a numeric literal's type comes
/// from its suffix and size, as the lexer gives it). Asking a semantic model instead binds the whole initialiser, with a
/// member model of its own: for a policy whose properties all have defaults, most of what reading them cost.
/// </summary>
internal static class LiteralConstants
{
    /// <summary>Whether <paramref name="expression"/> is a well-formed numeric, string, character or Boolean literal, and its value.</summary>
    public static bool TryRead(ExpressionSyntax expression, out object? value)
    {
        value = null;
        if (expression is not LiteralExpressionSyntax literal || literal.Token.ContainsDiagnostics)
        {
            return false;
        }

        switch (literal.Kind())
        {
            case SyntaxKind.NumericLiteralExpression:
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.CharacterLiteralExpression:
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
                value = literal.Token.Value;
                return value is not null;
            default:
                // null, default, UTF-8 strings (not constants) and anything new: the semantic model's answer.
                return false;
        }
    }
}
