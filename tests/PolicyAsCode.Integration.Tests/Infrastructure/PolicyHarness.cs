extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAnalyzer = analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer;
using PolicyGenerator = generator::PolicyAsCode.Generators.PolicyGenerator;

using PolicyAsCode.TestSupport;
namespace PolicyAsCode.Integration.Tests.Infrastructure;

/// <summary>One source file of a test compilation.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>What running the generator and then the analyser on one compilation produced.</summary>
/// <param name="GeneratorException">The exception the generator threw, if any (it is then reported as CS8784/CS8785 instead of failing the build).</param>
/// <param name="GeneratorDiagnostics">Diagnostics of the generator run: the driver's and the run result's.</param>
/// <param name="GeneratedSources">Hint name and text of every generated source.</param>
/// <param name="OutputDiagnostics">Diagnostics of the output compilation (compiler and analyser).</param>
/// <param name="AnalyzerExceptions">Exceptions the analyser threw, as the host recorded them.</param>
internal sealed record PipelineRun(
    Exception? GeneratorException,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<(string HintName, string Text)> GeneratedSources,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    IReadOnlyList<Exception> AnalyzerExceptions)
{
    public IEnumerable<Diagnostic> Pac => OutputDiagnostics.Where(d => d.Id.StartsWith("PAC", StringComparison.Ordinal));
}

/// <summary>Builds compilations against the .NET 10 reference assemblies and the runtime library and runs the real generator and analyser on them.</summary>
internal static class PolicyHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. Net100.References.All, MetadataReference.CreateFromFile(RepoPaths.RuntimeAssembly)]);

    /// <summary>The QuickStart policies and the showcase of every diagnostic, as the QuickStart project compiles them with <c>-p:ShowDiagnostics=true</c>.</summary>
    public static IReadOnlyList<SourceFile> QuickStartSources()
    {
        var policies = Directory.GetFiles(Path.Combine(RepoPaths.QuickStart, "Policies"), "*.cs")
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => new SourceFile("Policies/" + Path.GetFileName(p), File.ReadAllText(p)));
        var showcase = new SourceFile("Showcase/EveryDiagnostic.cs", File.ReadAllText(Path.Combine(RepoPaths.QuickStart, "Showcase", "EveryDiagnostic.cs")));
        return [.. policies, showcase];
    }

    public static SyntaxTree Parse(SourceFile source) => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path, System.Text.Encoding.UTF8);

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        TestCompilation.Library("PolicyUnderTest", trees, References.Value);

    /// <summary>Runs a fresh generator driver on <paramref name="compilation"/>, then the analyser on its output, recording instead of throwing.</summary>
    public static async Task<PipelineRun> RunAsync(Compilation compilation, CancellationToken cancellation = default)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new PolicyGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics, cancellation);
        var result = driver.GetRunResult();
        var generatorRun = result.Results.Single();

        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = output.WithAnalyzers([new PolicyAnalyzer()], options);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellation).ConfigureAwait(false);

        return new PipelineRun(
            generatorRun.Exception,
            [.. driverDiagnostics, .. result.Diagnostics, .. generatorRun.Diagnostics],
            generatorRun.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList(),
            diagnostics,
            [.. exceptions]);
    }

    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage()}";
    }
}
