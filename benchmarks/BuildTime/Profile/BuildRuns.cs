extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// A build's share of the generator and the analyser, in process: each run takes a fresh compilation of the same
/// syntax trees (new symbols, nothing bound: what a build of an unchanged project starts from in a warm compiler
/// server), runs the generator through <see cref="CSharpGeneratorDriver"/> with its steps tracked, then the analyser
/// on the generator's output compilation: its compilation start and symbol actions called directly
/// (<see cref="DirectAnalysis"/>), or with <c>whole</c> through <see cref="CompilationWithAnalyzers"/> as csc runs it.
/// Times come from the host's own timers (what <c>-p:ReportAnalyzer=true</c> prints), with each phase's <see cref="Cost"/>
/// alongside.
/// </summary>
internal static class BuildRuns
{
    public sealed record Run(
        double Generator, Cost GeneratorCost, IReadOnlyDictionary<string, double> Steps, Cost ParseCost,
        double Analyser, Cost AnalyserCost, IReadOnlyDictionary<string, (double Ms, int Calls)> Actions,
        string Diagnostics, long GeneratedChars, bool SharedRead, Cost BindingCost = default)
    {
        public double Total => Generator + Analyser;

        public Cost Cost => GeneratorCost + AnalyserCost;
    }

    /// <param name="prebound">The tiers' metadata names, or null: the compiler first binds every attribute of those tiers
    /// and their properties on the fresh compilation (timed apart, <see cref="Run.BindingCost"/>), so the generator and the
    /// analyser then time only their own work on it: what a build costs besides the compiler's binding.</param>
    public static List<Run> Measure(CSharpCompilation compilation, CSharpParseOptions parse, int warm, int runs, bool whole, bool unshared, Action<int, Run> report, IReadOnlyList<string>? prebound = null)
    {
        var measured = new List<Run>();
        List<SyntaxTree>? firstGenerated = null;
        for (var i = 0; i < warm + runs; i++)
        {
            // Collect the previous run's garbage outside the timed phases, as a compiler server between two builds.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
            var bindingCost = default(Cost);
            if (prebound is not null)
            {
                var binding = new Meter();
                BindTierAttributes(fresh, prebound);
                bindingCost = binding.Stop();
            }

            var meter = new Meter();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new generator::PolicyAsCode.Generators.PolicyGenerator().AsSourceGenerator()],
                parseOptions: parse,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            driver = driver.RunGeneratorsAndUpdateCompilation(fresh, out var output, out _);
            var generatorCost = meter.Stop();
            var result = driver.GetRunResult().Results[0];
            if (result.Exception is not null)
            {
                throw new InvalidOperationException("the generator failed", result.Exception);
            }

            if (i == 0 && Environment.GetEnvironmentVariable("PROFILE_DUMP") is { Length: > 0 } dump)
            {
                System.IO.File.WriteAllText(dump, string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString())));
            }

            // The output steps are tracked in both tables; each step counts once.
            var steps = result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .GroupBy(s => s.Key)
                .ToDictionary(g => g.Key, g => g.First().Value.Sum(step => step.ElapsedTime.TotalMilliseconds));

            // PROFILE_ANALYSE=source: the analyser on a fresh compilation of the policy's files without the generated code, to
            // tell the cost of its reading from the cost the generated declarations add.
            // The driver parses what the generator wrote when a tree is first asked for, and the analyser asks first (the
            // type lookup at its compilation start); in a build the compiler parses it anyway, for its own declarations.
            // Timed apart: the compiler's cost of the generated code's size, not the generator's or the analyser's.
            meter = new Meter();
            foreach (var tree in result.GeneratedSources)
            {
                tree.SyntaxTree.GetRoot();
            }

            var parseCost = meter.Stop();

            // PROFILE_ANALYSE=first-trees: on a fresh compilation with the first run's generated trees, whose declarations
            // the compiler has built before (as it has the policy's own files' in every run here).
            firstGenerated ??= result.GeneratedSources.Select(s => s.SyntaxTree).ToList();
            var analysed = Environment.GetEnvironmentVariable("PROFILE_ANALYSE") switch
            {
                "source" => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees),
                "first-trees" => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees).AddSyntaxTrees(firstGenerated),
                _ => output,
            };
            // --unshared: forget the generator's compilation, so the analyser binds every attribute again (as before it
            // could read from the generator's; see GeneratorCompilations).
            if (unshared)
            {
                AppDomain.CurrentDomain.SetData(SharedSlot, null);
            }

            var shared = HoldsFor(analysed);
            meter = new Meter();
            var (analyser, actions, diagnostics) = whole ? Whole(analysed) : Direct(analysed, compilation.SyntaxTrees);
            var analyserCost = meter.Stop();

            var run = new Run(
                driver.GetTimingInfo().GeneratorTimes[0].ElapsedTime.TotalMilliseconds, generatorCost, steps, parseCost,
                analyser, analyserCost, actions,
                string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}").DefaultIfEmpty("none")),
                result.GeneratedSources.Sum(s => (long)s.SourceText.Length), shared, bindingCost);
            if (i >= warm)
            {
                measured.Add(run);
            }

            report(i - warm, run);
        }

        return measured;
    }

    // As a build runs it, every action on the whole compilation; the time is the host's telemetry.
    private static (double Ms, Dictionary<string, (double Ms, int Calls)> Actions, IEnumerable<Diagnostic> Diagnostics) Whole(Compilation output)
    {
        var timed = new TimedAnalyzer(new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer());
        var withAnalyzers = output.WithAnalyzers(
            [timed],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var actions = new Dictionary<string, (double Ms, int Calls)>(timed.Actions);

        // Asked after the actions are copied: the telemetry may run the compilation start action again.
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(timed, CancellationToken.None).GetAwaiter().GetResult();
        return (telemetry.ExecutionTime.TotalMilliseconds, actions, diagnostics);
    }

    // The compilation start and symbol actions called directly on the policy's own files; the time is their sum.
    private static (double Ms, Dictionary<string, (double Ms, int Calls)> Actions, IEnumerable<Diagnostic> Diagnostics) Direct(Compilation output, IEnumerable<SyntaxTree> files)
    {
        var paths = files.Select(f => f.FilePath).ToHashSet();
        var (diagnostics, actions) = DirectAnalysis.Run(new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer(), output, output.SyntaxTrees.Where(t => paths.Contains(t.FilePath)));
        return (actions.Values.Sum(a => a.Ms), actions, diagnostics);
    }

    /// <summary>
    /// The compiler's share of reading a policy: every attribute of each tier type and of its properties bound, as the
    /// first <c>GetAttributes()</c> of each binds them (with the nullable analysis of their arguments). The reader's own
    /// questions (the initialisers' constants, through a semantic model) are left to it.
    /// </summary>
    public static int BindTierAttributes(Compilation fresh, IEnumerable<string> tiers)
    {
        var count = 0;
        foreach (var name in tiers)
        {
            var type = fresh.GetTypeByMetadataName(name) ?? throw new InvalidOperationException($"no type {name} in the compilation");
            count += type.GetAttributes().Length;
            foreach (var member in type.GetMembers().OfType<IPropertySymbol>())
            {
                count += member.GetAttributes().Length;
            }
        }

        return count;
    }

    public const string SharedSlot = "PolicyAsCode.Generators.GeneratorCompilations/2";

    // The analyser's own copy of the reader's channel: whether it will read the policy from the generator's compilation.
    private static bool HoldsFor(Compilation analysed) =>
        (bool)typeof(analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer).Assembly
            .GetType("PolicyAsCode.Generators.Parsing.GeneratorCompilations", throwOnError: true)!
            .GetMethod("HoldsFor")!.Invoke(null, [analysed])!;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
