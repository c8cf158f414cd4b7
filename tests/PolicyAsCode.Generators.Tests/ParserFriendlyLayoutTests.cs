using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// The evaluator's file is laid out for the compiler's parser: Roslyn keeps the list builder it grew for a long list
/// and clears all of it each time it reuses it for a short one, so every list that runs over all dimensions must come
/// after the thousands of small members. Written first, they made part of parsing a wide policy's evaluator grow with
/// the square of its dimensions (2,000 dimensions: 926 ms against 564 ms laid out as here).
/// </summary>
public sealed class ParserFriendlyLayoutTests
{
    [Theory]
    [InlineData(40)] // ResolveMoved in one method
    [InlineData(150)] // above EvaluatorPlan.SplitAbove: ResolveMoved's steps in methods of their own
    public void Every_list_of_all_dimensions_comes_after_the_tables_small_members(int dimensions)
    {
        var outcome = GeneratorHarness.Run(Wide(dimensions));
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", System.StringComparison.Ordinal)).Text;
        var root = CSharpSyntaxTree.ParseText(evaluator, GeneratorHarness.ParseOptions).GetRoot();

        var tables = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.Text == "PolicyTables");
        var record = root.DescendantNodes().OfType<RecordDeclarationSyntax>().Single(r => r.Identifier.Text == "Prefs");
        Assert.True(record.SpanStart > tables.Span.End, "the user's record, whose members list every dimension, must follow PolicyTables");

        var last = tables.Members.Last();
        Assert.Equal("ResolveMoved", Assert.IsType<MethodDeclarationSyntax>(last).Identifier.Text);

        var long_ = root.DescendantNodes().OfType<InitializerExpressionSyntax>().Where(i => i.Expressions.Count >= dimensions).ToList();
        Assert.True(long_.Count >= 4, $"expected the record's and ResolveMoved's lists of every dimension, found {long_.Count}");
        foreach (var list in long_)
        {
            var text = list.Parent?.ToString() ?? string.Empty;
            Assert.True(record.Span.Contains(list.Span) || last.Span.Contains(list.Span), $"a list of {list.Expressions.Count} items comes before the end of PolicyTables: {text[..System.Math.Min(60, text.Length)]}");
        }
    }

    private static SourceFile[] Wide(int dimensions)
    {
        var law = new StringBuilder();
        var user = new StringBuilder();
        for (var i = 0; i < dimensions; i++)
        {
            law.Append("    [AtMost(10)]\n    public int D").Append(i).Append(" { get; init; }\n");
            user.Append("    public int D").Append(i).Append(" { get; init; }\n");
        }

        return
        [
            new("Wide.cs", $$"""
                using PolicyAsCode;

                namespace Wide;

                [ImmutableTier("EU")]
                public partial record EuLaw
                {
                {{law}}}

                [OrganisationTier("acme", Within = [typeof(EuLaw)])]
                public partial record Acme
                {
                }

                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                {{user}}}
                """),
        ];
    }
}
