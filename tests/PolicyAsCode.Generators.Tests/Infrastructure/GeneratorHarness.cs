using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

using PolicyAsCode.TestSupport;
namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>One source file of a test compilation.</summary>
/// <param name="Path">Its path (used as the syntax tree's file path).</param>
/// <param name="Text">Its text.</param>
internal sealed record SourceFile(string Path, string Text);

/// <summary>Builds compilations against the .NET 10 reference assemblies and the runtime library, and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. Net100.References.All, MetadataReference.CreateFromFile(RepoPaths.RuntimeAssembly)]);

    public static CSharpCompilation Compile(IEnumerable<SourceFile> sources, string assemblyName = "PolicyUnderTest") =>
        WithEveryWarning(TestCompilation.Library(assemblyName, sources.Select(s => Parse(s)), References.Value));

    // Every warning wave, so generated code that a newer compiler would warn about fails the tests now.
    private static CSharpCompilation WithEveryWarning(CSharpCompilation compilation) =>
        compilation.WithOptions(compilation.Options.WithWarningLevel(9999));

    public static SyntaxTree Parse(SourceFile source) =>
        CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path, System.Text.Encoding.UTF8);

    /// <summary>A driver that tracks incremental steps, as the cacheability tests need.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new PolicyGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on <paramref name="compilation"/>.</summary>
    public static GeneratorOutcome Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Runs the generator on the given sources.</summary>
    public static GeneratorOutcome Run(IEnumerable<SourceFile> sources) => Run(Compile(sources));

    /// <summary>Reads the policy model of the user tier named <paramref name="metadataName"/>, as the generator does.</summary>
    public static PolicyModel Read(Compilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName)
            ?? throw new InvalidOperationException($"The compilation has no type {metadataName}.");
        return PolicyReader.Read(type, compilation, CancellationToken.None)
            ?? throw new InvalidOperationException($"{metadataName} is not a user tier.");
    }

    /// <summary>Errors and warnings of a compilation, formatted one a line, for assertion messages.</summary>
    public static IReadOnlyList<Diagnostic> WarningsAndErrors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>Generated sources by hint name, in hint-name order.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => (s.HintName, s.SourceText.ToString())).ToList();
}

/// <summary>The policies the tests run the generator on.</summary>
internal static class QuickStart
{
    public const string UserTier = "QuickStart.Policies.LearnerPreferences";

    /// <summary>The QuickStart sample's policy files, read from the repository at test time, in file-name order.</summary>
    public static IReadOnlyList<SourceFile> Sources() =>
        Directory.GetFiles(RepoPaths.QuickStartPolicies, "*.cs")
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => new SourceFile("Policies/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
}
