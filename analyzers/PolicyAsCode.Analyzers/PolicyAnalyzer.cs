using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Analyzers.Checks;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Analyzers;

/// <summary>
/// Reports every PolicyAsCode diagnostic (<see cref="Descriptors"/>) on tier records (and on assembly attributes they read): every lower-tier default, bound, preset or rule value that would
/// override a higher tier's bound, and every structural problem that stops the generator.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property holding the C# of the value a fix writes.</summary>
    public const string FixExpression = nameof(FixExpression);

    /// <summary>Diagnostic property holding how that value reads.</summary>
    public const string FixLabel = nameof(FixLabel);

    /// <summary>Diagnostic property of PAC0002, "true" when removing the bound changes nothing users may choose anywhere.</summary>
    public const string RemovalKeepsPolicy = nameof(RemovalKeepsPolicy);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // No tier attributes in reach: nothing to do, at no cost. Asked of the compilation the policies are read
            // from (the generator's, when the build has one: GeneratorCompilations), whose declarations are built.
            var reading = GeneratorCompilations.ReadableFor(start.Compilation);
            if (reading.GetTypeByMetadataName(KnownNames.UserTierAttribute) is null)
            {
                return;
            }

            // Read and checked here, once, before any symbol callback runs. Done lazily by the first tier callback,
            // the other tier callbacks running concurrently would wait for it, and the host counts every such wait
            // as analyser time (with six tiers on two cores, several times the work itself).
            var analysis = new PolicyAnalysis(start.Compilation, reading);
            analysis.Findings(start.CancellationToken);
            start.RegisterSymbolAction(symbol => ReportTier(symbol, analysis), SymbolKind.NamedType);
            start.RegisterSyntaxTreeAction(tree => ReportOutsideTypes(tree, analysis));
            start.RegisterOperationAction(operation => CheckPresetValues(operation, analysis), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    // Every finding is reported by the innermost type whose declaration holds it: a tier, or a type a tier is
    // nested in (PAC0009 points at a containing type that must be made partial). Reported there, it is local to
    // that type's symbol, so the IDE shows it while the file is edited and a code fix may act on it.
    private static void ReportTier(SymbolAnalysisContext context, PolicyAnalysis analysis)
    {
        var type = (INamedTypeSymbol)context.Symbol;

        // Whether the type is a tier is asked only of a type some finding lies in: asking binds the attributes of the
        // analysed compilation's type, whose member table (thousands of properties in a large tier) the compiler then
        // builds, and the policy was read from the generator's compilation, so with nothing to report there is no need.
        bool? mayHold = null;
        foreach (var finding in analysis.Findings(context.CancellationToken))
        {
            var location = analysis.LocationOf(finding.Location);
            if (location is null || !Holds(type, location))
            {
                continue;
            }

            mayHold ??= PolicyAnalysis.MayHoldFindings(type);
            if (mayHold == false)
            {
                return;
            }

            if (!Nested(type, location))
            {
                Report(finding, location, context.ReportDiagnostic);
            }
        }
    }

    // A finding in no type declaration (an [assembly: HazardCategory] that every policy of the assembly reads) is
    // reported by its file: no tier's symbol callback would, and a problem that blocks the generator must be seen.
    private static void ReportOutsideTypes(SyntaxTreeAnalysisContext context, PolicyAnalysis analysis)
    {
        SyntaxNode? root = null;
        foreach (var finding in analysis.Findings(context.CancellationToken))
        {
            if (finding.Location is null || finding.Location.FilePath != context.Tree.FilePath)
            {
                continue;
            }

            var location = analysis.LocationOf(finding.Location);
            if (location is null || location.SourceTree != context.Tree)
            {
                continue;
            }

            root ??= context.Tree.GetRoot(context.CancellationToken);
            if (root.FindNode(location.SourceSpan).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Any())
            {
                continue;
            }

            Report(finding, location, context.ReportDiagnostic);
        }
    }

    private static bool Holds(INamedTypeSymbol type, Location location) =>
        type.DeclaringSyntaxReferences.Any(d => d.SyntaxTree == location.SourceTree && d.Span.Contains(location.SourceSpan));

    // A finding inside a nested type that may hold findings is that type's to report.
    private static bool Nested(INamedTypeSymbol type, Location location) =>
        type.GetTypeMembers().Any(n => PolicyAnalysis.MayHoldFindings(n) && Holds(n, location));

    private static void CheckPresetValues(OperationAnalysisContext context, PolicyAnalysis analysis)
    {
        var (initializer, created) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Initializer, creation.Type),
            IWithOperation with => (with.Initializer, with.Type),
            _ => (null, null),
        };

        if (initializer is null || created is not INamedTypeSymbol userTier || DeclaredTier.Read(userTier)?.Rank != Ranks.User
            || !InsideTier(context.ContainingSymbol))
        {
            return;
        }

        var policy = analysis.PolicyOf(userTier, context.CancellationToken);
        if (policy is null || !policy.CanEmit)
        {
            return;
        }

        var view = new PolicyView(policy);
        foreach (var child in initializer.Initializers)
        {
            if (child is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: { ConstantValue.HasValue: true } value })
            {
                continue;
            }

            var dimension = policy.Dimensions.FirstOrDefault(d => d.Name == target.Property.Name);
            if (dimension is null || !ConstantEncoder.TryEncodeRaw(dimension, value.ConstantValue.Value, out var encoded, out _))
            {
                continue;
            }

            var where = value.Syntax.GetLocation();
            foreach (var finding in OverrideChecks.CheckValue(view, dimension, policy.Tiers.Count - 1, encoded, SourceLocation.From(where), "preset value"))
            {
                Report(finding, where, context.ReportDiagnostic);
            }
        }
    }

    private static bool InsideTier(ISymbol symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (PolicyAnalysis.IsTier(type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(PolicyFinding finding, Location location, System.Action<Diagnostic> report)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (finding.FixExpression is not null)
        {
            properties = properties.Add(FixExpression, finding.FixExpression).Add(FixLabel, finding.FixLabel);
        }

        if (finding.RemovalKeepsPolicy)
        {
            properties = properties.Add(RemovalKeepsPolicy, "true");
        }

        report(Diagnostic.Create(finding.Descriptor, location, properties, [.. finding.Arguments]));
    }
}
