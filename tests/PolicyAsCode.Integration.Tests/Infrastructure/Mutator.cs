using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAsCode.Integration.Tests.Infrastructure;

/// <summary>
/// Breaks policy source text in small, deterministic ways: one to three edits per mutant, each chosen by a seeded
/// <see cref="Random"/>, each a plausible typo or a plausible wrong policy (a swapped bound, an out-of-range number,
/// a tier within the wrong tier, half a file).
/// </summary>
internal sealed class Mutator
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "2", "3", "13", "14", "15", "30", "31", "40", "365", "366", "1000", "0x7FFFFFFF", "int.MaxValue", "int.MinValue",
        "2147483648", "-2147483649", "long.MaxValue", "ulong.MaxValue", "1u", "1L", "1UL", "1m", "1f", "0.0", "-0.0", "0.5", "0.8", "0.81",
        "1.0", "1.5", "-0.5", "1e308", "1e-320", "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "double.Epsilon",
        "float.NaN", "'a'", "\"7\"", "(byte)3", "(Maturity)7", "(Topics)(-1)", "1 / 0", "checked(int.MaxValue + 1)",
    ];

    private static readonly string[] Expressions =
    [
        "default", "null", "null!", "new()", "\"\"", "\"zz\"", "\"EN\"", "\" en\"", "\"\\\"\"", "\"\\u0000\"", "\"\\n}\"", "@\"x\"\"y\"", "\"{0}\"",
        "System.DateTime.Now.Day", "System.Environment.ProcessorCount", "nameof(EuLaw)", "typeof(EuLaw)", "typeof(int)",
        "(Maturity)99", "(Maturity)(-1)", "(Topics)64", "(Topics)(-1)", "~Topics.None", "Topics.None", "Topics.Science | (Topics)1024",
        "Hazard.SexualContent", "(Hazard)ulong.MaxValue", "(Hazard)0", "Fact.Minor | Fact.RolePlay", "(Fact)(-1)", "TierRank.User",
        "(TierRank)42", "Level.High", "Tone.Sarcastic", "true", "false", "!true", "double.NaN", "-0.0", "1e308", "int.MinValue", "uint.MaxValue",
        "new[] { \"en\" }", "new string[0]", "Risk.Sycophancy", "Benefit.Autonomy", "(Risk)999", "(Benefit)(-5)",
    ];

    private static readonly string[] AttributeNames =
    [
        "AtMost", "AtLeast", "Between", "Locked", "Allowed", "Forbid", "Enables", "Mitigates", "Waives", "HigherIsStricter", "Described",
        "ImmutableTier", "OrganisationTier", "UserTier", "Flags", "Obsolete", "PolicyAsCode.AtMost", "global::PolicyAsCode.UserTier",
        "AtMostAttribute", "System.Flags", "Unknown",
    ];

    private static readonly string[] Types =
    [
        "int", "long", "uint", "byte", "sbyte", "short", "double", "float", "decimal", "bool", "string", "object", "dynamic", "char",
        "int?", "double?", "bool?", "string?", "Maturity?", "int[]", "Topics[]", "System.DateTime", "System.TimeSpan", "System.Int32",
        "System.String", "Hazard", "Fact", "TierRank", "Risk", "Benefit", "Maturity", "Tone", "Verbosity", "Topics", "Level", "EuLaw",
        "LearnerPreferences", "(int, int)", "System.Collections.Generic.List<string>", "nint", "System.DayOfWeek", "System.AttributeTargets",
    ];

    private static readonly string[] TypeKeywords =
        ["class", "struct", "interface", "record struct", "record class", "readonly record struct", "partial record", "static partial record", "abstract record", "sealed record"];

    private static readonly string[] Junk =
        [",", ";", "(", ")", "[", "]", "{", "}", "=", "|", ".", "typeof", "new()", "default", "null", "!", "-", "?", "static", "required", "partial", "@", "\"", "'", "/*", "#if X", "#endif", "<", ">", "=>"];

    private readonly string[] _identifiers;

    private readonly (string Name, Func<string, SyntaxNode, Random, (string Text, string Detail)?> Apply)[] _operators;

    /// <param name="corpus">Every original source text: identifiers for replacement are drawn from all of them, so one file can name another's types.</param>
    public Mutator(IEnumerable<string> corpus)
    {
        _identifiers = corpus
            .SelectMany(text => CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(t => t.ValueText)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

        _operators =
        [
            ("delete a token", DeleteToken),
            ("duplicate a token", DuplicateToken),
            ("insert junk", InsertJunk),
            ("swap two literals", SwapLiterals),
            ("swap two member names", SwapMemberNames),
            ("replace a number", ReplaceNumber),
            ("duplicate an attribute", DuplicateAttribute),
            ("delete an attribute", DeleteAttribute),
            ("rename an attribute", RenameAttribute),
            ("delete an attribute argument", DeleteAttributeArgument),
            ("replace an attribute argument", ReplaceAttributeArgument),
            ("replace an initialiser", ReplaceInitialiser),
            ("truncate", Truncate),
            ("remove a closing brace", RemoveClosingBrace),
            ("replace an identifier", ReplaceIdentifier),
            ("replace a property type", ReplacePropertyType),
            ("replace a type keyword", ReplaceTypeKeyword),
            ("delete a line", DeleteLine),
            ("swap two lines", SwapLines),
            ("duplicate a member", DuplicateMember),
            ("delete a member", DeleteMember),
        ];
    }

    /// <summary>Applies one to three edits to <paramref name="text"/>; <paramref name="description"/> says which, for failure messages.</summary>
    public string Mutate(string text, Random random, out string description)
    {
        var roll = random.NextDouble();
        var edits = roll < 0.05 ? 3 : roll < 0.25 ? 2 : 1;
        var details = new List<string>();
        for (var i = 0; i < edits; i++)
        {
            var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var (name, apply) = _operators[random.Next(_operators.Length)];
                if (apply(text, root, random) is { } result && result.Text != text)
                {
                    text = result.Text;
                    details.Add($"{name}: {result.Detail}");
                    break;
                }
            }
        }

        description = string.Join("; then ", details);
        return text;
    }

    private static List<SyntaxToken> Tokens(SyntaxNode root) =>
        root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();

    private static T? Pick<T>(IReadOnlyList<T> items, Random random) => items.Count == 0 ? default : items[random.Next(items.Count)];

    private static string Splice(string text, TextSpanLike span, string replacement) =>
        string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.Start + span.Length));

    private static string Describe(string text, int start, int length = 0) =>
        $"{Line(text, start)}:{Quote(text.Substring(start, Math.Min(length, 40)))}";

    private static int Line(string text, int position) => text.AsSpan(0, position).Count('\n') + 1;

    private static string Quote(string s) => "«" + s.Replace("\r", "\\r").Replace("\n", "\\n") + "»";

    private static (string, string)? DeleteToken(string text, SyntaxNode root, Random random)
    {
        var tokens = Tokens(root);
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = tokens[random.Next(tokens.Count)];
        return (Splice(text, new(token.SpanStart, token.Span.Length), string.Empty), "line " + Describe(text, token.SpanStart, token.Span.Length));
    }

    private static (string, string)? DuplicateToken(string text, SyntaxNode root, Random random)
    {
        var tokens = Tokens(root);
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = tokens[random.Next(tokens.Count)];
        return (Splice(text, new(token.Span.End, 0), " " + token.Text), "line " + Describe(text, token.SpanStart, token.Span.Length));
    }

    private static (string, string)? InsertJunk(string text, SyntaxNode root, Random random)
    {
        var tokens = Tokens(root);
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = tokens[random.Next(tokens.Count)];
        var junk = Junk[random.Next(Junk.Length)];
        var at = random.Next(2) == 0 ? token.SpanStart : token.Span.End;
        return (Splice(text, new(at, 0), junk + (junk.StartsWith('#') ? "\n" : " ")), $"{Quote(junk)} at line {Line(text, at)}");
    }

    private static (string, string)? SwapLiterals(string text, SyntaxNode root, Random random)
    {
        var literals = Tokens(root).Where(t => t.Parent is LiteralExpressionSyntax).ToList();
        if (literals.Count < 2)
        {
            return null;
        }

        var a = literals[random.Next(literals.Count)];
        var b = literals[random.Next(literals.Count)];
        return Swap(text, a.Span.Start, a.Span.Length, b.Span.Start, b.Span.Length);
    }

    private static (string, string)? SwapMemberNames(string text, SyntaxNode root, Random random)
    {
        // The member of a member access (Maturity.Teen, Hazard.Elections, Fact.Minor): swapped within the same qualifier
        // most of the time (a different enum member), across qualifiers otherwise (a member the type does not have).
        var names = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Select(m => (Qualifier: m.Expression.ToString(), m.Name)).ToList();
        if (names.Count < 2)
        {
            return null;
        }

        var a = names[random.Next(names.Count)];
        var same = names.Where(n => n.Qualifier == a.Qualifier && n.Name.ToString() != a.Name.ToString()).ToList();
        var b = same.Count > 0 && random.NextDouble() < 0.7 ? same[random.Next(same.Count)] : names[random.Next(names.Count)];
        return Swap(text, a.Name.SpanStart, a.Name.Span.Length, b.Name.SpanStart, b.Name.Span.Length);
    }

    private static (string, string)? Swap(string text, int startA, int lengthA, int startB, int lengthB)
    {
        if (startA == startB)
        {
            return null;
        }

        if (startA > startB)
        {
            (startA, lengthA, startB, lengthB) = (startB, lengthB, startA, lengthA);
        }

        var a = text.Substring(startA, lengthA);
        var b = text.Substring(startB, lengthB);
        if (startA + lengthA > startB)
        {
            return null;
        }

        var swapped = text.Substring(0, startA) + b + text.Substring(startA + lengthA, startB - startA - lengthA) + a + text.Substring(startB + lengthB);
        return (swapped, $"line {Describe(text, startA, lengthA)} with line {Describe(text, startB, lengthB)}");
    }

    private static (string, string)? ReplaceNumber(string text, SyntaxNode root, Random random)
    {
        var numbers = Tokens(root).Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        var token = numbers[random.Next(numbers.Count)];
        var number = Numbers[random.Next(Numbers.Length)];
        return (Splice(text, new(token.SpanStart, token.Span.Length), number), $"line {Describe(text, token.SpanStart, token.Span.Length)} by {number}");
    }

    private static (string, string)? DuplicateAttribute(string text, SyntaxNode root, Random random)
    {
        var list = Pick(root.DescendantNodes().OfType<AttributeListSyntax>().ToList(), random);
        if (list is null)
        {
            return null;
        }

        // The copy goes after the original, with the original's leading trivia (its line break and indentation).
        var copy = random.Next(3) == 0
            ? list.ToFullString()
            : list.GetLeadingTrivia().ToFullString() + list.ToString() + Environment.NewLine;
        return (Splice(text, new(list.FullSpan.End, 0), copy), "line " + Describe(text, list.SpanStart, list.Span.Length));
    }

    private static (string, string)? DeleteAttribute(string text, SyntaxNode root, Random random)
    {
        var list = Pick(root.DescendantNodes().OfType<AttributeListSyntax>().ToList(), random);
        return list is null ? null : (Splice(text, new(list.SpanStart, list.Span.Length), string.Empty), "line " + Describe(text, list.SpanStart, list.Span.Length));
    }

    private static (string, string)? RenameAttribute(string text, SyntaxNode root, Random random)
    {
        var attribute = Pick(root.DescendantNodes().OfType<AttributeSyntax>().ToList(), random);
        if (attribute is null)
        {
            return null;
        }

        var name = AttributeNames[random.Next(AttributeNames.Length)];
        return (Splice(text, new(attribute.Name.SpanStart, attribute.Name.Span.Length), name), $"line {Describe(text, attribute.SpanStart, attribute.Span.Length)} to {name}");
    }

    private static (string, string)? DeleteAttributeArgument(string text, SyntaxNode root, Random random)
    {
        var argument = Pick(root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList(), random);
        if (argument is null)
        {
            return null;
        }

        var without = root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
        return without is null ? null : (without.ToFullString(), "line " + Describe(text, argument.SpanStart, argument.Span.Length));
    }

    private (string, string)? ReplaceAttributeArgument(string text, SyntaxNode root, Random random)
    {
        var argument = Pick(root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList(), random);
        if (argument is null)
        {
            return null;
        }

        var expression = AnyExpression(root, random);
        return (Splice(text, new(argument.Expression.SpanStart, argument.Expression.Span.Length), expression), $"line {Describe(text, argument.SpanStart, argument.Span.Length)} by {expression}");
    }

    private (string, string)? ReplaceInitialiser(string text, SyntaxNode root, Random random)
    {
        var property = Pick(root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.AccessorList is not null).ToList(), random);
        if (property is null)
        {
            return null;
        }

        var expression = AnyExpression(root, random);
        return property.Initializer is { } initializer
            ? (Splice(text, new(initializer.Value.SpanStart, initializer.Value.Span.Length), expression), $"line {Describe(text, initializer.SpanStart, initializer.Span.Length)} by {expression}")
            : (Splice(text, new(property.AccessorList!.Span.End, 0), $" = {expression};"), $"line {Describe(text, property.Identifier.SpanStart, property.Identifier.Span.Length)} gains = {expression}");
    }

    // An expression written in this file (a bound, a default, an enum member) or an odd one.
    private static string AnyExpression(SyntaxNode root, Random random)
    {
        if (random.NextDouble() < 0.4)
        {
            return Expressions[random.Next(Expressions.Length)];
        }

        var written = root.DescendantNodes()
            .Where(n => n is AttributeArgumentSyntax or EqualsValueClauseSyntax)
            .Select(n => n is AttributeArgumentSyntax a ? a.Expression.ToString() : ((EqualsValueClauseSyntax)n).Value.ToString())
            .ToList();
        return written.Count == 0 ? Expressions[random.Next(Expressions.Length)] : written[random.Next(written.Count)];
    }

    private static (string, string)? Truncate(string text, SyntaxNode root, Random random)
    {
        var at = random.Next(text.Length);
        return (text.Substring(0, at), $"at {at} of {text.Length}, line {Line(text, at)}");
    }

    private static (string, string)? RemoveClosingBrace(string text, SyntaxNode root, Random random)
    {
        var braces = Tokens(root).Where(t => t.IsKind(SyntaxKind.CloseBraceToken) || t.IsKind(SyntaxKind.CloseBracketToken) || t.IsKind(SyntaxKind.CloseParenToken)).ToList();
        if (braces.Count == 0)
        {
            return null;
        }

        // Mostly '}', sometimes a ']' or ')'.
        var curly = braces.Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
        var token = curly.Count > 0 && random.NextDouble() < 0.8 ? curly[random.Next(curly.Count)] : braces[random.Next(braces.Count)];
        return (Splice(text, new(token.SpanStart, 1), string.Empty), "line " + Describe(text, token.SpanStart, 1));
    }

    private (string, string)? ReplaceIdentifier(string text, SyntaxNode root, Random random)
    {
        var identifiers = Tokens(root).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        var token = identifiers[random.Next(identifiers.Count)];
        var name = _identifiers[random.Next(_identifiers.Length)];
        return (Splice(text, new(token.SpanStart, token.Span.Length), name), $"line {Describe(text, token.SpanStart, token.Span.Length)} by {name}");
    }

    private static (string, string)? ReplacePropertyType(string text, SyntaxNode root, Random random)
    {
        var property = Pick(root.DescendantNodes().OfType<PropertyDeclarationSyntax>().ToList(), random);
        if (property is null)
        {
            return null;
        }

        var type = Types[random.Next(Types.Length)];
        return (Splice(text, new(property.Type.SpanStart, property.Type.Span.Length), type), $"line {Describe(text, property.SpanStart, property.Type.Span.Length)} by {type}");
    }

    private static (string, string)? ReplaceTypeKeyword(string text, SyntaxNode root, Random random)
    {
        var declaration = Pick(root.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList(), random);
        if (declaration is null)
        {
            return null;
        }

        var keyword = TypeKeywords[random.Next(TypeKeywords.Length)];
        if (random.Next(3) == 0 && declaration.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.PartialKeyword)) is { RawKind: not 0 } partial)
        {
            return (Splice(text, new(partial.SpanStart, partial.Span.Length), string.Empty), "line " + Describe(text, partial.SpanStart, partial.Span.Length));
        }

        // From the keyword up to (not including) the name: `record`, `record struct`, `class`.
        var start = declaration.Keyword.SpanStart;
        var end = declaration is RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not 0 } record ? record.ClassOrStructKeyword.Span.End : declaration.Keyword.Span.End;
        return (Splice(text, new(start, end - start), keyword), $"line {Describe(text, start, end - start)} by {keyword}");
    }

    private static (string, string)? DeleteLine(string text, SyntaxNode root, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        var line = lines[at];
        lines.RemoveAt(at);
        return (string.Join('\n', lines), $"{at + 1}:{Quote(line.Trim())}");
    }

    private static (string, string)? SwapLines(string text, SyntaxNode root, Random random)
    {
        var lines = text.Split('\n');
        var a = random.Next(lines.Length);
        var b = random.Next(lines.Length);
        if (a == b || lines[a] == lines[b])
        {
            return null;
        }

        (lines[a], lines[b]) = (lines[b], lines[a]);
        return (string.Join('\n', lines), $"{a + 1} and {b + 1}");
    }

    private static (string, string)? DuplicateMember(string text, SyntaxNode root, Random random)
    {
        var member = Pick(root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax).ToList(), random);
        return member is null ? null : (Splice(text, new(member.FullSpan.End, 0), member.ToFullString()), "line " + Describe(text, member.SpanStart, member.Span.Length));
    }

    private static (string, string)? DeleteMember(string text, SyntaxNode root, Random random)
    {
        var member = Pick(root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax).ToList(), random);
        return member is null ? null : (Splice(text, new(member.FullSpan.Start, member.FullSpan.Length), string.Empty), "line " + Describe(text, member.SpanStart, member.Span.Length));
    }

    private readonly record struct TextSpanLike(int Start, int Length);
}
