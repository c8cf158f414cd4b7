using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.TestSupport;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests;

/// <summary>
/// The analysers read a policy from the compilation the generator read it from (whose attributes are bound) only when
/// that compilation says the same about it as the analysed one, and then find exactly what they find reading their own.
/// </summary>
public sealed class GeneratorCompilationsTests
{
    private const string Policy = """
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen, When = Fact.Minor)]
            public Maturity Maturity { get; init; }

            [Between(0, 14)]
            public int MemoryDays { get; init; }
        }

        [UserTier(Within = [typeof(EuLaw)])]
        public partial record Prefs
        {
            public Maturity Maturity { get; init; } = Maturity.Mature;

            public int MemoryDays { get; init; } = 40;
        }
        """;

    // Where the compiler puts this generator's files: {assembly}/{generator type}/{hint name}.
    private const string GeneratedPath = "PolicyAsCode.Generators/PolicyAsCode.Generators.PolicyGenerator/Demo.Prefs.Policy.g.cs";

    [Fact]
    public void The_generators_compilation_plus_its_files_is_read_from_the_generators_once()
    {
        var (generators, analysed) = Build();

        Assert.True(GeneratorCompilations.HoldsFor(analysed));
        Assert.Same(generators, GeneratorCompilations.ReadableFor(analysed));

        // Held only until one analysis reads from it: the next reads its own compilation.
        Assert.False(GeneratorCompilations.HoldsFor(analysed));
        Assert.Same(analysed, GeneratorCompilations.ReadableFor(analysed));
    }

    [Fact]
    public void A_compilation_with_another_file_is_read_on_its_own()
    {
        var (_, analysed) = Build();
        var more = analysed.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public static class Other { public const int Days = 3; }", Direct.ParseOptions, "/src/Other.cs"));

        Assert.Same(more, GeneratorCompilations.ReadableFor(more));
        Assert.True(GeneratorCompilations.HoldsFor(analysed));
    }

    [Fact]
    public void A_compilation_with_an_edited_file_is_read_on_its_own()
    {
        var (generators, analysed) = Build();
        var policy = generators.SyntaxTrees.Single(t => t.FilePath == "/src/Policy.cs");
        var edited = analysed.ReplaceSyntaxTree(policy, CSharpSyntaxTree.ParseText(Policy.Replace("= 40;", "= 4;", System.StringComparison.Ordinal), Direct.ParseOptions, policy.FilePath));

        Assert.Same(edited, GeneratorCompilations.ReadableFor(edited));
        Assert.True(GeneratorCompilations.HoldsFor(analysed));
    }

    [Fact]
    public void A_compilation_with_other_references_or_options_is_read_on_its_own()
    {
        var (_, analysed) = Build();
        var referencing = analysed.AddReferences(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var optimised = analysed.WithOptions(analysed.Options.WithOptimizationLevel(OptimizationLevel.Release));

        Assert.Same(referencing, GeneratorCompilations.ReadableFor(referencing));
        Assert.Same(optimised, GeneratorCompilations.ReadableFor(optimised));
        Assert.True(GeneratorCompilations.HoldsFor(analysed));
    }

    [Fact]
    public void Reading_from_the_generators_compilation_finds_what_reading_its_own_finds()
    {
        var (generators, analysed) = Build();

        Assert.Same(generators, GeneratorCompilations.ReadableFor(analysed));
        var shared = new PolicyAnalysis(analysed, generators).Findings(CancellationToken.None);
        var own = new PolicyAnalysis(analysed, analysed).Findings(CancellationToken.None);

        Assert.Contains(shared, f => f.Id == "PAC0001");
        Assert.Equal(own.Select(f => (f.Id, f.Message, f.Location)), shared.Select(f => (f.Id, f.Message, f.Location)));
    }

    // The generator's compilation, noted as the generator notes it, and the analysed one: it plus a generated file.
    private static (CSharpCompilation Generators, CSharpCompilation Analysed) Build()
    {
        var generators = Direct.Compile(TestReferences.All, ("/src/Policy.cs", Policy), ("/src/Dimensions.cs", Sources.Dimensions));
        GeneratorCompilations.Remember(generators.SyntaxTrees[0], generators);
        var generated = CSharpSyntaxTree.ParseText("namespace Demo { partial record Prefs { } }", Direct.ParseOptions, GeneratedPath);
        return (generators, generators.AddSyntaxTrees(generated));
    }
}
