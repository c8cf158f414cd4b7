using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

using PolicyAsCode.TestSupport;
namespace PolicyAsCode.Analyzers.Tests.Infrastructure;

/// <summary>Runs the analyser the way an IDE does, on any code (including code that does not compile), recording every exception it throws.</summary>
internal static class Direct
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public sealed record Run(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, AnalyzerTelemetryInfo Telemetry, Compilation Compilation);

    public static CSharpCompilation Compile(IEnumerable<MetadataReference> references, params (string Path, string Text)[] sources) =>
        TestCompilation.Library("Direct", sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)), references);

    public static Task<Run> AnalyseAsync(params string[] sources) =>
        AnalyseAsync(TestReferences.All, sources.Select((s, i) => ($"/direct/File{i}.cs", s)).ToArray());

    public static async Task<Run> AnalyseAsync(IEnumerable<MetadataReference> references, params (string Path, string Text)[] sources)
    {
        var compilation = Compile(references, sources);
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var analyzer = new PolicyAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return new Run(diagnostics, exceptions.ToList(), telemetry, compilation);
    }

    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? string.Empty;
        return $"{d.Id} {d.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) [{text}] {d.GetMessage()}";
    }
}
