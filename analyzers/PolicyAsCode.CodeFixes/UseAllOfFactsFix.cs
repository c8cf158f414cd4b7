using System.Collections.Immutable;
using System.Composition;
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
/// PAC0021: renames <c>When = Fact.A | Fact.B</c> to <c>WhenAll = Fact.A | Fact.B</c> (and <c>Unless</c> to
/// <c>UnlessAll</c>). Only the name changes: the facts stay as written, and a condition of several facts has always
/// meant that all of them hold, so the policy means after the fix what it meant before; it now also reads so.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAllOfFactsFix))]
[Shared]
public sealed class UseAllOfFactsFix : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.SeveralFactsInOneCondition + ".UseAllOfFacts";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.SeveralFactsInOneCondition];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var argument = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>();
            var name = argument?.NameEquals?.Name.Identifier.ValueText;
            if (argument is null || (name != "When" && name != "Unless"))
            {
                continue;
            }

            var all = name + "All";
            var title = name == "When" ? "Use WhenAll: all of the facts must hold" : "Use UnlessAll: off once all of the facts hold";
            context.RegisterCodeFix(CodeAction.Create(title, ct => Rename(context.Document, argument, all, ct), EquivalenceKey), diagnostic);
        }
    }

    private static async Task<Document> Rename(Document document, AttributeArgumentSyntax argument, string name, CancellationToken cancellation)
    {
        var root = (await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false))!;
        var old = argument.NameEquals!.Name;
        var renamed = argument.WithNameEquals(argument.NameEquals.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(old)));
        return document.WithSyntaxRoot(root.ReplaceNode(argument, renamed));
    }
}
