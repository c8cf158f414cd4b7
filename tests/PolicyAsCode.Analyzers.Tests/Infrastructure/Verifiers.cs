using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Generators.Diagnostics;

namespace PolicyAsCode.Analyzers.Tests.Infrastructure;

/// <summary>An analyser test against .NET 10 and the runtime library, offline (see <see cref="TestReferences"/>), in the latest C#.</summary>
internal sealed class PolicyAnalyzerTest : CSharpAnalyzerTest<PolicyAnalyzer, DefaultVerifier>
{
    public PolicyAnalyzerTest()
    {
        // An id has several descriptors (one per message format); markup such as {|PAC0008:Tone|} names the id only.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        ReferenceAssemblies = TestReferences.Net100;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}

/// <summary>A code-fix test of <typeparamref name="TFix"/> with the same references and language version.</summary>
internal sealed class PolicyCodeFixTest<TFix> : CSharpCodeFixTest<PolicyAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public PolicyCodeFixTest()
    {
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        ReferenceAssemblies = TestReferences.Net100;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}

/// <summary>Entry points the tests use.</summary>
internal static class Verify
{
    /// <summary>PAC0007 and PAC0008, for tests about something else whose sources leave a dimension unlinked or open.</summary>
    public static readonly string[] TaxonomyAndOpen = ["PAC0007", "PAC0008"];

    /// <summary>
    /// A diagnostic of the analyser, with its id's severity. An id has several descriptors (one per message format),
    /// which share their severity, so the result names the id and severity rather than one descriptor.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new(id, Descriptors.All.First(d => d.Id == id).DefaultSeverity);

    /// <summary>Checks that <paramref name="sources"/> (markup, with <see cref="Sources.Dimensions"/> added) produce exactly the marked and <paramref name="expected"/> diagnostics.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync([source], [], expected);

    public static Task AnalyzerAsync(string[] sources, string[] disabled, params DiagnosticResult[] expected) =>
        AnalyzerAsync(sources, disabled, [], expected);

    public static async Task AnalyzerAsync(string[] sources, string[] disabled, DiagnosticResult[] compilerErrors, params DiagnosticResult[] expected)
    {
        var test = new PolicyAnalyzerTest();
        AddSources(test.TestState, sources);
        test.DisabledDiagnostics.AddRange(disabled);
        test.ExpectedDiagnostics.AddRange(expected);
        test.ExpectedDiagnostics.AddRange(compilerErrors);
        await test.RunAsync();
    }

    /// <summary>Checks that applying <typeparamref name="TFix"/> to the marked diagnostics of <paramref name="source"/> gives <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() =>
        CodeFixAsync<TFix>([source], [fixedSource], [], expected);

    public static async Task CodeFixAsync<TFix>(string[] sources, string[] fixedSources, string[] disabled, DiagnosticResult[] expected, System.Action<PolicyCodeFixTest<TFix>>? configure = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new PolicyCodeFixTest<TFix>();
        AddSources(test.TestState, sources);
        AddSources(test.FixedState, fixedSources);
        test.DisabledDiagnostics.AddRange(disabled);
        test.ExpectedDiagnostics.AddRange(expected);
        configure?.Invoke(test);
        await test.RunAsync();
    }

    public static void AddSources(SolutionState state, IReadOnlyList<string> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            state.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        state.Sources.Add(("/0/Dimensions.cs", Sources.Dimensions));
    }

    /// <summary>A compiler error the test expects (for code the analyser must read although it does not compile).</summary>
    public static DiagnosticResult CompilerError(string id) => DiagnosticResult.CompilerError(id);
}
