using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;

namespace PolicyAsCode.CodeFixes;

/// <summary>
/// PAC0022: folds <c>When = Fact.A, WhenAll = Fact.B</c> into <c>WhenAll = Fact.A | Fact.B</c> (and likewise for
/// <c>Unless</c>). Every fact either side named stays named, in the spelling that says all of them must hold; the
/// facts' expressions are kept as written.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MergeConditionFix))]
[Shared]
public sealed class MergeConditionFix : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.ConditionSetTwice + ".MergeCondition";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.ConditionSetTwice];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var single = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>();
            var name = single?.NameEquals?.Name.Identifier.ValueText;
            var all = single?.Parent is AttributeArgumentListSyntax list
                ? list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name + "All")
                : null;
            if (single is null || all is null || (name != "When" && name != "Unless"))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Name every fact in {name}All", ct => Merge(context.Document, single, all, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Merge(Document document, AttributeArgumentSyntax single, AttributeArgumentSyntax all, CancellationToken cancellation)
    {
        var root = (await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false))!;
        var list = (AttributeArgumentListSyntax)single.Parent!;
        // Parsed from text rather than nested as a node, so "A | (B | C)" reads, and parses back, as "A | B | C": '|' on
        // facts is associative, and Operand keeps whole any side it could regroup.
        var merged = SyntaxFactory.ParseExpression(Operand(single.Expression) + " | " + Operand(all.Expression))
            .WithTriviaFrom(all.Expression);
        var arguments = list.Arguments.Replace(all, all.WithExpression(merged));
        arguments = arguments.RemoveAt(list.Arguments.IndexOf(single));
        return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(arguments)));
    }

    // An operand of '|' as written when '|' cannot split it (a name, a member, a cast, another '|' or a tighter
    // operator), in parentheses otherwise (a conditional, '&&', '??'), so the merge never regroups the facts.
    private static ExpressionSyntax Operand(ExpressionSyntax expression)
    {
        var bare = expression.WithoutTrivia();
        return bare switch
        {
            IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
                or InvocationExpressionSyntax or LiteralExpressionSyntax => bare,
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression) || binary.IsKind(SyntaxKind.ExclusiveOrExpression)
                || binary.IsKind(SyntaxKind.BitwiseAndExpression) || binary.IsKind(SyntaxKind.LeftShiftExpression)
                || binary.IsKind(SyntaxKind.RightShiftExpression) => bare,
            _ => SyntaxFactory.ParenthesizedExpression(bare),
        };
    }
}
