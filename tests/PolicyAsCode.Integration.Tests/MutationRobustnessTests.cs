using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Integration.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Integration.Tests;

/// <summary>
/// The generator and the analyser run on every keystroke in an IDE, over code that is mostly broken. Whatever the
/// text, neither may throw: a generator exception drops the output of every policy of the project (CS8785), an
/// analyser exception shows as AD0001 and hides every finding. These tests break the QuickStart policies and the
/// showcase of every diagnostic in over a thousand deterministic ways and run both on each result.
/// </summary>
public sealed class MutationRobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20_251_128;
    private const int MutantsToMake = 1_200;
    private const int MinimumMutants = 1_000;

    private static readonly string[] FailureIds = ["CS8784", "CS8785", "AD0001"];

    [Fact]
    public async Task Unmutated_sources_report_every_showcase_diagnostic_without_failures()
    {
        // Checks that the harness really runs both: the generator emits the QuickStart evaluator and the analyser reports
        // every diagnostic the showcase provokes. A harness that ran neither would pass the mutation test vacuously.
        var sources = PolicyHarness.QuickStartSources();
        var run = await PolicyHarness.RunAsync(PolicyHarness.Compile(sources.Select(PolicyHarness.Parse)));

        Assert.Null(run.GeneratorException);

        // The generator reports, itself and unconfigurably, each problem that stops it: here only the showcase's.
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.StartsWith("PAC", d.Id, StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal("Showcase/EveryDiagnostic.cs", d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path);
        });
        Assert.Empty(run.AnalyzerExceptions);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "QuickStart.Policies.LearnerPreferences.Policy.g.cs");

        var ids = run.Pac.Select(d => d.Id).ToHashSet();
        // Every diagnostic the showcase names in its comments (ShowDiagnosticsTests asks the real build for the same list).
        var named = Regex.Matches(sources[^1].Text, @"PAC\d{4}").Select(m => m.Value).ToHashSet();
        Assert.True(named.Count >= 15, $"the showcase names only {string.Join(", ", named)}");
        Assert.All(named, id => Assert.Contains(id, ids));

        // The QuickStart policies themselves are clean: every PAC warning and error is in the showcase.
        Assert.All(run.Pac.Where(d => d.Severity >= DiagnosticSeverity.Warning), d => Assert.Equal("Showcase/EveryDiagnostic.cs", d.Location.SourceTree?.FilePath));
        Assert.DoesNotContain(run.OutputDiagnostics, d => FailureIds.Contains(d.Id));
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PAC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generator_and_analyser_never_fail_on_a_mutated_policy()
    {
        var clock = Stopwatch.StartNew();
        var sources = PolicyHarness.QuickStartSources();
        var trees = sources.Select(PolicyHarness.Parse).ToArray();
        var showcase = sources.Count - 1;

        // Two baselines, as two projects would compile them: the QuickStart policies, and the showcase on its own. A
        // mutant of a policy file does not pay for binding the showcase's generated code, and the other way round.
        // Each mutant replaces one tree of its baseline, which keeps the references (already loaded) and the other trees.
        var policiesBaseline = PolicyHarness.Compile(trees.Take(showcase));
        var showcaseBaseline = PolicyHarness.Compile(trees.Skip(showcase));
        var mutator = new Mutator(sources.Select(s => s.Text));

        // Mutate text (cheap and deterministic: one seeded Random per mutant), keep distinct mutants only. A third of
        // them break the showcase (the largest file, and every diagnostic), the rest one of the policy files.
        var mutants = new List<Mutant>();
        var seen = new HashSet<(int, string)>();
        for (var i = 0; i < MutantsToMake; i++)
        {
            var random = new Random(Seed + i);
            var file = random.Next(3) == 0 ? showcase : random.Next(showcase);
            var text = mutator.Mutate(sources[file].Text, random, out var description);
            if (text != sources[file].Text && seen.Add((file, text)))
            {
                mutants.Add(new Mutant(i, sources[file].Path, file, description, text));
            }
        }

        output.WriteLine($"{mutants.Count} distinct mutants of {sources.Count} files made in {clock.ElapsedMilliseconds} ms");
        Assert.True(mutants.Count >= MinimumMutants, $"only {mutants.Count} distinct mutants, fewer than {MinimumMutants}");

        var failures = new ConcurrentBag<string>();
        var emitted = 0;
        var reported = 0;
        var broken = 0;
        await Parallel.ForEachAsync(mutants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (mutant, cancellation) =>
        {
            var tree = PolicyHarness.Parse(sources[mutant.File] with { Text = mutant.Text });
            var compilation = (mutant.File == showcase ? showcaseBaseline : policiesBaseline).ReplaceSyntaxTree(trees[mutant.File], tree);
            PipelineRun run;
            try
            {
                run = await PolicyHarness.RunAsync(compilation, cancellation);
            }
            catch (Exception exception)
            {
                failures.Add($"{mutant}:{Environment.NewLine}  the pipeline threw {exception}");
                return;
            }

            var problems = Problems(run);
            if (problems.Count > 0)
            {
                failures.Add($"{mutant}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
            }

            Interlocked.Add(ref emitted, run.GeneratedSources.Count > 0 ? 1 : 0);
            Interlocked.Add(ref reported, run.Pac.Any() ? 1 : 0);
            Interlocked.Add(ref broken, run.OutputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PAC", StringComparison.Ordinal)) ? 1 : 0);
        });

        output.WriteLine(
            $"{mutants.Count} mutants run in {clock.Elapsed.TotalSeconds:0.0} s ({Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s of CPU in this process so far) " +
            $"on {Environment.ProcessorCount} cores: the generator emitted for {emitted}, the analyser reported on {reported}, {broken} do not compile, {failures.Count} failed");

        Assert.True(failures.IsEmpty, $"{failures.Count} of {mutants.Count} mutants broke the generator or the analyser (first 10 shown):{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures.OrderBy(f => f, StringComparer.Ordinal).Take(10)));

        // Not vacuous: many mutants still hold a policy the generator emits, most give the analyser something to say,
        // and many do not compile at all.
        Assert.True(emitted > mutants.Count / 4, $"the generator emitted for only {emitted} mutants");
        Assert.True(reported > mutants.Count / 2, $"the analyser reported on only {reported} mutants");
        Assert.True(broken > mutants.Count / 4, $"only {broken} mutants fail to compile");
    }

    /// <summary>Every way one run shows a failure of the generator or the analyser.</summary>
    private static List<string> Problems(PipelineRun run)
    {
        var problems = new List<string>();
        if (run.GeneratorException is not null)
        {
            problems.Add($"the generator threw {run.GeneratorException}");
        }

        // CS8784/CS8785: a generator failed (reported by the driver, never by the compilation); AD0001: an analyser threw.
        problems.AddRange(run.GeneratorDiagnostics.Concat(run.OutputDiagnostics).Where(d => FailureIds.Contains(d.Id)).Select(PolicyHarness.Describe));
        problems.AddRange(run.AnalyzerExceptions.Select(e => $"the analyser threw {e}"));

        // The generator writes C# that parses, whatever it read.
        foreach (var (hintName, text) in run.GeneratedSources)
        {
            var errors = CSharpSyntaxTree.ParseText(text, PolicyHarness.ParseOptions).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"the generated {hintName} does not parse: {string.Join("; ", errors.Take(3))}");
            }
        }

        // Generated code never fails to compile on its own: when the author's code compiles, so does what was generated from it.
        var compileErrors = run.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PAC", StringComparison.Ordinal)).ToList();
        if (compileErrors.Count > 0 && compileErrors.All(d => d.Location.SourceTree?.FilePath.Contains("PolicyAsCode.Generators", StringComparison.Ordinal) == true))
        {
            problems.Add($"only the generated code fails to compile: {string.Join("; ", compileErrors.Take(3).Select(PolicyHarness.Describe))}");
        }

        return problems;
    }

    private sealed record Mutant(int Number, string Path, int File, string Description, string Text)
    {
        public override string ToString() => $"mutant #{Number} of {Path} ({Description})";
    }
}
