using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PolicyAsCode.Analyzers;
using PolicyAsCode.Generators.Diagnostics;

namespace PolicyAsCode.CodeFixes;

/// <summary>PAC0001: replaces the overriding value with the nearest value every higher tier allows.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToAllowedValueFix))]
[Shared]
public sealed class ClampToAllowedValueFix : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.OverridesHigherBound + ".ClampToAllowedValue";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.OverridesHigherBound];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || !diagnostic.Properties.TryGetValue(PolicyAnalyzer.FixExpression, out var expression) || expression is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax target)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(PolicyAnalyzer.FixLabel, out var label);
            context.RegisterCodeFix(
                CodeAction.Create($"Clamp to {label ?? expression}, the nearest value the higher tiers allow", ct => Replace(context.Document, target, expression, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, ExpressionSyntax target, string expression, CancellationToken cancellation)
    {
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        var replacement = SyntaxFactory.ParseExpression(expression)
            .WithTriviaFrom(target)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        var updated = document.WithSyntaxRoot(root!.ReplaceNode(target, replacement));
        return await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellation).ConfigureAwait(false);
    }
}
