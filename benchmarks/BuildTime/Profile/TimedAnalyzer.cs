using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Runs an analyser as the host would, timing each action it registers by kind (compilation start, symbol, syntax
/// tree, operation...): which of its callbacks the host's telemetry total is made of. The inner analyser sees a
/// context that forwards every registration, wrapped in a stopwatch.
/// </summary>
// A wrapper, not an analyser of its own: it registers what the inner one does, where it does.
#pragma warning disable RS1001, RS1012, RS1025, RS1026
internal sealed class TimedAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;

    public TimedAnalyzer(DiagnosticAnalyzer inner)
    {
        _inner = inner;
    }

    /// <summary>Milliseconds and calls per action kind, summed over threads, since the last <see cref="Reset"/>.</summary>
    public ConcurrentDictionary<string, (double Ms, int Calls)> Actions { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, this));

    public void Reset() => Actions.Clear();

    private Action<T> Timed<T>(string kind, Action<T> action) => argument =>
    {
        var clock = Stopwatch.StartNew();
        try
        {
            action(argument);
        }
        finally
        {
            var ms = clock.Elapsed.TotalMilliseconds;
            Actions.AddOrUpdate(kind, (ms, 1), (_, total) => (total.Ms + ms, total.Calls + 1));
        }
    };

    private sealed class Context(AnalysisContext outer, TimedAnalyzer timer) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => outer.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => outer.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            outer.RegisterCompilationStartAction(timer.Timed<CompilationStartAnalysisContext>("compilation start", start => action(new StartContext(start, timer))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            outer.RegisterCompilationAction(timer.Timed("compilation", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            outer.RegisterSemanticModelAction(timer.Timed("semantic model", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            outer.RegisterSymbolAction(timer.Timed("symbol " + string.Join("+", symbolKinds), action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            outer.RegisterCodeBlockStartAction(timer.Timed("code block start", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            outer.RegisterCodeBlockAction(timer.Timed("code block", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            outer.RegisterSyntaxTreeAction(timer.Timed("syntax tree", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            outer.RegisterSyntaxNodeAction(timer.Timed("syntax node", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(timer.Timed("operation " + string.Join("+", operationKinds), action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            outer.RegisterOperationBlockStartAction(timer.Timed("operation block start", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            outer.RegisterOperationBlockAction(timer.Timed("operation block", action));
    }

    // The same forwarding as Context: AnalysisContext and CompilationStartAnalysisContext share no base or interface
    // through which one wrapper could serve both.
    private sealed class StartContext(CompilationStartAnalysisContext outer, TimedAnalyzer timer)
        : CompilationStartAnalysisContext(outer.Compilation, outer.Options, outer.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            outer.RegisterCompilationEndAction(timer.Timed("compilation end", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            outer.RegisterSemanticModelAction(timer.Timed("semantic model", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            outer.RegisterSymbolAction(timer.Timed("symbol " + string.Join("+", symbolKinds), action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            outer.RegisterCodeBlockStartAction(timer.Timed("code block start", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            outer.RegisterCodeBlockAction(timer.Timed("code block", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            outer.RegisterSyntaxTreeAction(timer.Timed("syntax tree", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            outer.RegisterSyntaxNodeAction(timer.Timed("syntax node", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(timer.Timed("operation " + string.Join("+", operationKinds), action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            outer.RegisterOperationBlockStartAction(timer.Timed("operation block start", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            outer.RegisterOperationBlockAction(timer.Timed("operation block", action));
    }
}
#pragma warning restore RS1001, RS1012, RS1025, RS1026
