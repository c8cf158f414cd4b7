using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// A default written as a literal is read from its token (<see cref="LiteralConstants"/>) instead of a semantic model: the value
/// and its type must be the compiler's own constant for every spelling of every literal kind, and anything the token
/// alone cannot answer (a malformed literal, null, default, a UTF-8 string) must go to the semantic model.
/// </summary>
public sealed class LiteralConstantsTests
{
    private static readonly string[] IntegerSuffixes = ["", "u", "U", "l", "L", "ul", "UL", "Lu", "lU"];
    private static readonly string[] RealSuffixes = ["", "f", "F", "d", "D", "m", "M"];

    private static readonly Gen<string> Integer =
        from value in Gen.ULong[0, ulong.MaxValue].Select(v => v >> (int)(v % 64))
        from form in Gen.Int[0, 2]
        from separated in Gen.Bool
        from suffix in Gen.OneOf(IntegerSuffixes)
        let digits = form switch
        {
            0 => value.ToString(CultureInfo.InvariantCulture),
            1 => "0x" + value.ToString("X", CultureInfo.InvariantCulture),
            _ => "0b" + Convert.ToString(unchecked((long)value), 2),
        }
        select (separated && digits.Length > 3 ? digits[..^2] + "_" + digits[^2..] : digits) + suffix;

    private static readonly Gen<string> Real =
        from mantissa in Gen.Double[0, 1e6]
        from exponent in Gen.Int[-30, 30]
        from form in Gen.Int[0, 2]
        from suffix in Gen.OneOf(RealSuffixes)
        let text = form switch
        {
            0 => mantissa.ToString("R", CultureInfo.InvariantCulture),
            1 => mantissa.ToString("0.0###", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture),
            _ => ((long)mantissa).ToString(CultureInfo.InvariantCulture),
        }
        // A whole number with no suffix is an integer literal, and a form with an exponent needs none.
        where !(form == 2 && suffix.Length == 0)
        select text.Replace("E+", "e", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal) + suffix;

    // Any character but C#'s line breaks, which no single-line literal may hold (a raw one would end there).
    private static readonly Gen<char> Character = Gen.Char['\u0020', '\u2FFF'].Where(c => c is not ('\u0085' or '\u2028' or '\u2029'));

    private static string Escape(char c, char quote) => c switch
    {
        '\\' => "\\\\",
        '\n' => "\\n",
        _ when c == quote => "\\" + c,
        _ when c > '\u007E' => c % 2 == 0 ? $"\\u{(int)c:X4}" : $"\\x{(int)c:X}",
        _ => c.ToString(),
    };

    private static readonly Gen<string> Text =
        from chars in Character.Array[0, 12]
        from form in Gen.Int[0, 2]
        select form switch
        {
            0 => "\"" + string.Concat(chars.Select(c => Escape(c, '"'))) + "\"",
            1 => "@\"" + new string(chars).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            _ => "\"\"\"" + "!" + new string(chars).Replace("\"", "'", StringComparison.Ordinal) + "!" + "\"\"\"",
        };

    private static readonly Gen<string> Char = Character.Select(c => "'" + Escape(c, '\'') + "'");

    private static readonly Gen<string> Literal = Gen.Frequency(
        (4, Integer), (4, Real), (3, Text), (2, Char), (1, Gen.OneOf("true", "false")));

    [Fact]
    public void A_literal_reads_as_the_compiler_binds_it_or_not_at_all()
    {
        var read = 0;
        var total = 0;
        Literal.Array[1, 40].Sample(literals =>
        {
            foreach (var (literal, expression, model) in Initialisers(literals))
            {
                total++;
                Assert.True(expression is LiteralExpressionSyntax, $"{literal} was drawn as a literal but parses as {expression.Kind()}");
                if (((LiteralExpressionSyntax)expression).Token.ContainsDiagnostics)
                {
                    // Out of its type's range: the compiler reports it, and the reader asks the semantic model as before.
                    Assert.False(LiteralConstants.TryRead(expression, out _), $"{literal} is malformed but was read from its token");
                    continue;
                }

                var bound = model.GetConstantValue(expression);
                Assert.True(bound.HasValue, $"{literal} is not a constant to the compiler");
                Assert.True(LiteralConstants.TryRead(expression, out var value), $"{literal} was not read from its token");
                Assert.True(
                    Equals(bound.Value, value) && bound.Value!.GetType() == value!.GetType(),
                    $"{literal}: the compiler's constant {bound.Value} ({bound.Value?.GetType().Name}), the token's {value} ({value?.GetType().Name})");
                read++;
            }
        }, iter: 200);

        // Nearly all the spellings drawn are in range; a generator drawing only malformed ones would prove nothing.
        Assert.True(read > total * 9 / 10, $"{read} of {total} literals read from their tokens");
    }

    [Theory]
    [InlineData("99999999999999999999")] // too large for any integer type
    [InlineData("0x1_0000_0000_0000_0000")]
    [InlineData("1e999")] // beyond double
    [InlineData("1e999f")]
    [InlineData("null")]
    [InlineData("default")]
    [InlineData("\"text\"u8")]
    [InlineData("$\"text\"")]
    [InlineData("-1")]
    [InlineData("(1)")]
    [InlineData("'ab'")]
    public void What_a_token_cannot_answer_goes_to_the_semantic_model(string literal)
    {
        var (_, expression, _) = Initialisers([literal]).Single();
        Assert.False(LiteralConstants.TryRead(expression, out _));
    }

    // The literals as the initialisers of static fields of one class, each with the semantic model of its file.
    private static IEnumerable<(string Literal, ExpressionSyntax Expression, SemanticModel Model)> Initialisers(IReadOnlyList<string> literals)
    {
        var source = "public static class Literals\n{\n"
            + string.Concat(literals.Select((l, i) => $"    public static object F{i} = {l};\n"))
            + "}\n";
        var compilation = GeneratorHarness.Compile([new SourceFile("Literals.cs", source)]);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Literals.cs", StringComparison.Ordinal));
        var model = compilation.GetSemanticModel(tree);
        var declarators = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().ToList();
        Assert.Equal(literals.Count, declarators.Count);
        return declarators.Select((d, i) => (literals[i], d.Initializer!.Value, model));
    }
}
