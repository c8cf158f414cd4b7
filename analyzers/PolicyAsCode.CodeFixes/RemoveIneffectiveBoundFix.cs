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
/// PAC0002: removes a bound that allows everything the tiers above already allow, offered only where the analyser
/// found that removing it leaves what users may choose unchanged in every jurisdiction and context (a bound with no
/// effect in one jurisdiction may still narrow another, and removing it there would widen the policy).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveIneffectiveBoundFix))]
[Shared]
public sealed class RemoveIneffectiveBoundFix : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.BoundHasNoEffect + ".RemoveIneffectiveBound";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.BoundHasNoEffect];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax attribute
                || !diagnostic.Properties.TryGetValue(Analyzers.PolicyAnalyzer.RemovalKeepsPolicy, out var keeps) || keeps != "true")
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the bound that has no effect", ct => Remove(context.Document, attribute, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Remove(Document document, AttributeSyntax attribute, CancellationToken cancellation)
    {
        var root = (await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false))!;
        if (attribute.Parent is not AttributeListSyntax { Attributes.Count: 1 } list || list.Parent is not MemberDeclarationSyntax member)
        {
            // One of several attributes in a list: it goes with its separator, and the list stays.
            return document.WithSyntaxRoot(root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        // The list goes with its line. Comments and doc comments above it describe the property, not the bound:
        // they stay, in front of whatever now comes first (the next attribute list, a modifier or the type).
        var index = member.AttributeLists.IndexOf(list);
        var leading = list.GetLeadingTrivia();
        var keep = leading.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
        var next = list.GetLastToken().GetNextToken();
        var updated = keep ? member.ReplaceToken(next, next.WithLeadingTrivia(leading)) : member;
        updated = updated.WithAttributeLists(updated.AttributeLists.RemoveAt(index));
        return document.WithSyntaxRoot(root.ReplaceNode(member, updated));
    }
}
