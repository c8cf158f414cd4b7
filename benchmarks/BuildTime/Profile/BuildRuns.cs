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
/// on the generator's output compilation through <see cref="CompilationWithAnalyzers"/>, concurrently, as csc does.
/// Times come from the host's own timers (what <c>-p:ReportAnalyzer=true</c> prints), with wall and CPU time around
/// each phase alongside.
/// </summary>
internal static class BuildRuns
{
    public sealed record Run(
        double Generator, double GeneratorWall, double GeneratorCpu, double GeneratorMb, IReadOnlyDictionary<string, double> Steps,
        double Analyser, double AnalyserWall, double AnalyserCpu, double AnalyserMb, IReadOnlyDictionary<string, (double Ms, int Calls)> Actions,
        string Diagnostics, long GeneratedChars)
    {
        public double Total => Generator + Analyser;

        public double TotalCpu => GeneratorCpu + AnalyserCpu;
    }

    public static List<Run> Measure(CSharpCompilation compilation, CSharpParseOptions parse, int warm, int runs, Action<int, Run> report)
    {
        var measured = new List<Run>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < warm + runs; i++)
        {
            // Collect the previous run's garbage outside the timed phases, as a compiler server between two builds.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);

            var (clock, cpu, bytes) = Start(process);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new generator::PolicyAsCode.Generators.PolicyGenerator().AsSourceGenerator()],
                parseOptions: parse,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            driver = driver.RunGeneratorsAndUpdateCompilation(fresh, out var output, out _);
            var (generatorWall, generatorCpu, generatorMb) = Stop(process, clock, cpu, bytes);
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

            var timed = new TimedAnalyzer(new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer());
            var withAnalyzers = output.WithAnalyzers(
                [timed],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            (clock, cpu, bytes) = Start(process);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var (analyserWall, analyserCpu, analyserMb) = Stop(process, clock, cpu, bytes);
            var actions = new Dictionary<string, (double Ms, int Calls)>(timed.Actions);
            // Actions copied first: asking for the telemetry may run the compilation start action again.
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(timed, CancellationToken.None).GetAwaiter().GetResult();

            var run = new Run(
                driver.GetTimingInfo().GeneratorTimes[0].ElapsedTime.TotalMilliseconds, generatorWall, generatorCpu, generatorMb, steps,
                telemetry.ExecutionTime.TotalMilliseconds, analyserWall, analyserCpu, analyserMb, actions,
                string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}").DefaultIfEmpty("none")),
                result.GeneratedSources.Sum(s => (long)s.SourceText.Length));
            if (i >= warm)
            {
                measured.Add(run);
            }

            report(i - warm, run);
        }

        return measured;
    }

    private static (Stopwatch Clock, TimeSpan Cpu, long Bytes) Start(Process process)
    {
        process.Refresh();
        return (Stopwatch.StartNew(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false));
    }

    private static (double Wall, double Cpu, double Mb) Stop(Process process, Stopwatch clock, TimeSpan cpu, long bytes)
    {
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: false) - bytes) / 1048576.0);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
