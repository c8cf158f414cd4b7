extern alias gen;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

using PolicyAsCode.TestSupport;
namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Compiles policy sources in memory as a build would: the C# compiler with the PolicyAsCode generator, against
/// the .NET 10 reference assemblies and the runtime library, into an assembly loaded in a collectible context.
/// </summary>
public static class PolicyCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PolicyRegistry).Assembly.Location)]);

    /// <summary>The compilation of <paramref name="sources"/> as the generator sees it, before it runs.</summary>
    public static CSharpCompilation Source(string assemblyName, IReadOnlyList<(string Path, string Text)> sources) =>
        TestCompilation.Library(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References.Value,
            NullableContextOptions.Disable,
            OptimizationLevel.Release);

    /// <summary>Compiles <paramref name="sources"/> (file name, text) into one assembly and loads it.</summary>
    public static CompiledPolicies Compile(string assemblyName, IReadOnlyList<(string Path, string Text)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToArray();
        var compilation = TestCompilation.Library(assemblyName, trees, References.Value, NullableContextOptions.Disable, OptimizationLevel.Release);

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new gen::PolicyAsCode.Generators.PolicyGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var generatorErrors = run.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        var generated = run.GeneratedTrees;

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var errors = generatorDiagnostics.Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatedWarnings = emit.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))
            .ToImmutableArray();
        if (!emit.Success || errors.Count > 0 || generatorErrors.Count > 0)
        {
            return new CompiledPolicies(null, null, [.. errors.Select(d => d.ToString()), .. generatorErrors], generatedWarnings, generated.Select(t => t.FilePath).ToImmutableArray(), generated);
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext(assemblyName, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        return new CompiledPolicies(context, assembly, [], generatedWarnings, generated.Select(t => t.FilePath).ToImmutableArray(), generated);
    }
}

/// <summary>An in-memory compilation's result: its loaded assembly (null on errors), errors, and the generator's output.</summary>
public sealed class CompiledPolicies(
    AssemblyLoadContext? context,
    Assembly? assembly,
    ImmutableArray<string> errors,
    ImmutableArray<Diagnostic> generatedWarnings,
    ImmutableArray<string> generatedFiles,
    ImmutableArray<SyntaxTree> generatedTrees) : IDisposable
{
    /// <summary>The loaded assembly, or null when it did not compile.</summary>
    public Assembly? Assembly { get; } = assembly;

    /// <summary>Compiler and generator errors.</summary>
    public ImmutableArray<string> Errors { get; } = errors;

    /// <summary>Warnings the compiler reported in generated code.</summary>
    public ImmutableArray<Diagnostic> GeneratedWarnings { get; } = generatedWarnings;

    /// <summary>The generated files' paths.</summary>
    public ImmutableArray<string> GeneratedFiles { get; } = generatedFiles;

    /// <summary>The generated source trees.</summary>
    public ImmutableArray<SyntaxTree> GeneratedTrees { get; } = generatedTrees;

    /// <summary>
    /// Calls <paramref name="declaring"/>'s private static generic method <paramref name="check"/>, made for the compiled
    /// type <paramref name="userTier"/>, with <paramref name="arguments"/>; a failed assertion inside it is thrown as
    /// itself, not wrapped by reflection.
    /// </summary>
    public void Check(Type declaring, string check, string userTier, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(declaring);
        var type = Assembly?.GetType(userTier) ?? throw new InvalidOperationException($"{userTier} was not compiled: {string.Join("\n", Errors)}");
        var method = declaring.GetMethod(check, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        try
        {
            method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    /// <summary>Unloads the assembly.</summary>
    public void Dispose() => context?.Unload();
}
