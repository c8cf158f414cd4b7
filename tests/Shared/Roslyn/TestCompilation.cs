using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PolicyAsCode.TestSupport;

/// <summary>
/// The one way the tests make an in-memory C# library compilation (policies for the generator, the analysers, the
/// evaluators they emit, pac's test assemblies): deterministic, nullable as asked, debug unless asked otherwise.
/// Linked into the test projects that set <c>UsesRoslynTestSupport</c> (tests/Directory.Build.props).
/// </summary>
internal static class TestCompilation
{
    /// <summary>A library named <paramref name="assemblyName"/> of <paramref name="trees"/> against <paramref name="references"/>.</summary>
    public static CSharpCompilation Library(
        string assemblyName,
        IEnumerable<SyntaxTree> trees,
        IEnumerable<MetadataReference> references,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        OptimizationLevel optimization = OptimizationLevel.Debug) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: optimization,
                nullableContextOptions: nullable,
                deterministic: true));
}
