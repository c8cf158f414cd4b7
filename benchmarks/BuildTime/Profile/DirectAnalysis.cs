using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Runs an analyser's compilation start actions on a compilation, then the symbol actions they register on every
/// type declared in the given files, each call timed: what the host does for these actions, without the host binding
/// and analysing every other file (the generated code) to raise operation events. A build does that work anyway, and
/// none of it is the analyser's; <c>--whole</c> measures the host's way, operation actions included.
/// </summary>
// Drives the inner analyser's registrations by hand; not an analyser of its own.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1041
internal static class DirectAnalysis
{
    public static (List<Diagnostic> Diagnostics, Dictionary<string, (double Ms, int Calls)> Actions) Run(
        DiagnosticAnalyzer analyzer, Compilation compilation, IEnumerable<SyntaxTree> files)
    {
        var diagnostics = new List<Diagnostic>();
        var actions = new Dictionary<string, (double Ms, int Calls)>();
        void Count(string kind, Stopwatch clock) =>
            actions[kind] = actions.TryGetValue(kind, out var total) ? (total.Ms + clock.Elapsed.TotalMilliseconds, total.Calls + 1) : (clock.Elapsed.TotalMilliseconds, 1);

        var options = new AnalyzerOptions([]);
        var registered = new Registrations();
        analyzer.Initialize(registered);
        var start = new StartRegistrations(compilation, options);
        foreach (var action in registered.Starts)
        {
            var clock = Stopwatch.StartNew();
            action(start);
            Count("compilation start", clock);
        }

        var types = files.SelectMany(f => f.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(d => compilation.GetSemanticModel(f).GetDeclaredSymbol(d)))
            .OfType<INamedTypeSymbol>().Distinct(SymbolEqualityComparer.Default).Cast<ISymbol>().ToList();
        foreach (var (action, kinds) in start.Symbols)
        {
            foreach (var type in types.Where(t => kinds.Contains(t.Kind)))
            {
                var clock = Stopwatch.StartNew();
#pragma warning disable CS0618 // the public constructor a host would use
                action(new SymbolAnalysisContext(type, compilation, options, diagnostics.Add, _ => true, CancellationToken.None));
#pragma warning restore CS0618
                Count("symbol " + string.Join("+", kinds), clock);
            }
        }

        return (diagnostics, actions);
    }

    private sealed class Registrations : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> Starts { get; } = [];

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Unsupported();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Unsupported();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Unsupported();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Unsupported();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Unsupported();

        private static void Unsupported() => throw new NotSupportedException("only compilation start actions are driven directly; use --whole");
    }

    // Keeps the symbol actions to call; the syntax tree and operation actions it ignores (measured with --whole).
    private sealed class StartRegistrations(Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<(Action<SymbolAnalysisContext> Action, ImmutableArray<SymbolKind> Kinds)> Symbols { get; } = [];

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Symbols.Add((action, symbolKinds));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
        }
    }
}
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS1041
