extern alias analyzers;
extern alias generator;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// Each stage of the generator and the analyser timed on its own, called through reflection (read, emit, checks), and
/// the compiler's binding of every attribute of every tier property on a fresh compilation: which share of a build is
/// our code and which the compiler's. Median of REPEATS after two warm-ups.
/// </summary>
internal static class Stages
{
    public static void Print(CSharpCompilation compilation, IReadOnlyList<SyntaxTree> trees, INamedTypeSymbol userTier, List<INamedTypeSymbol> tiers, int repeats, CSharpParseOptions parse)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new generator::PolicyAsCode.Generators.PolicyGenerator().AsSourceGenerator()], parseOptions: parse);
        var generated = driver.RunGenerators(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees)).GetRunResult().GeneratedTrees;

        // Forget the compilation that run noted (GeneratorCompilations), so each stage on a fresh compilation binds its
        // attributes as the stage says; BuildRuns shows the analyser reading from the generator's compilation.
        AppDomain.CurrentDomain.SetData(BuildRuns.SharedSlot, null);

        var analyzerAssembly = typeof(analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer).Assembly;
        var generatorAssembly = typeof(generator::PolicyAsCode.Generators.PolicyGenerator).Assembly;
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

        MethodInfo Method(Assembly assembly, string type, string name) =>
            assembly.GetType(type, throwOnError: true)!.GetMethods(Any).First(m => m.Name == name && m.IsStatic && m.IsPublic);

        var read = Method(analyzerAssembly, "PolicyAsCode.Generators.Parsing.PolicyReader", "Read");
        var readGen = Method(generatorAssembly, "PolicyAsCode.Generators.Parsing.PolicyReader", "Read");
        var extensibility = Method(analyzerAssembly, "PolicyAsCode.Generators.Parsing.PolicyReader", "ExtensibilityProblems");
        var hierarchy = Method(analyzerAssembly, "PolicyAsCode.Generators.Parsing.PolicyReader", "HierarchyProblems");
        var overrides = Method(analyzerAssembly, "PolicyAsCode.Analyzers.Checks.OverrideChecks", "Check");
        var checkValue = Method(analyzerAssembly, "PolicyAsCode.Analyzers.Checks.OverrideChecks", "CheckValue");
        var consistency = Method(analyzerAssembly, "PolicyAsCode.Analyzers.Checks.ConsistencyChecks", "Check");
        var viewType = analyzerAssembly.GetType("PolicyAsCode.Analyzers.Checks.PolicyView", throwOnError: true)!;
        var emit = Method(generatorAssembly, "PolicyAsCode.Generators.Emitting.EvaluatorEmitter", "Emit");
        var plan = generatorAssembly.GetType("PolicyAsCode.Generators.Planning.EvaluatorPlan", throwOnError: true)!.GetMethods(Any).First(m => m.Name == "Build" && m.IsStatic);
        var json = Method(generatorAssembly, "PolicyAsCode.Generators.Emitting.PreferencesJsonEmitter", "Emit");

        static int Drain(object? sequence) => sequence is IEnumerable e ? e.Cast<object>().Count() : -1;

        // Each stage runs on a model read once (the analyser's copy of the reader and the generator's are the same code).
        var model = read.Invoke(null, [userTier, compilation, CancellationToken.None]);
        var generatorModel = readGen.Invoke(null, [userTier, compilation, CancellationToken.None]);
        var view = Activator.CreateInstance(viewType, [model]);
        var stages = new (string Name, Func<object?> Run)[]
        {
            ("generator: PolicyReader.Read (user tier and the tiers above)", () => readGen.Invoke(null, [userTier, compilation, CancellationToken.None])),
            ("generator: EvaluatorEmitter.Emit", () => emit.Invoke(null, [generatorModel])),
            ("generator: EvaluatorPlan.Build (the plan the evaluator is printed from)", () => plan.Invoke(null, [generatorModel])),
            ("generator: PreferencesJsonEmitter.Emit", () => json.Invoke(null, [generatorModel])),
            ("analyser: PolicyReader.Read (user tier and the tiers above)", () => read.Invoke(null, [userTier, compilation, CancellationToken.None])),
            // The same read on a new compilation of the same trees: the compiler binds every attribute and initialiser again
            // for whoever asks first (in a build, the generator or the analyser).
            ("analyser: PolicyReader.Read on a fresh compilation (attributes unbound)", () =>
            {
                var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
                return read.Invoke(null, [fresh.GetTypeByMetadataName(userTier.ToDisplayString())!, fresh, CancellationToken.None]);
            }),
            // The compiler's share: binding every attribute of every tier property on a new compilation, with nothing else.
            ("compiler: GetAttributes() of every tier property, fresh compilation", () => BindAttributes(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees), tiers)),
            // The same two on a new compilation that holds the generated code too, as the analyser sees it in a build.
            ("analyser: PolicyReader.Read, fresh compilation with the generated code", () =>
            {
                var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(generated);
                return read.Invoke(null, [fresh.GetTypeByMetadataName(userTier.ToDisplayString())!, fresh, CancellationToken.None]);
            }),
            // The analyser's whole compilation start action (read, every tier's structural checks, override and consistency
            // checks), on the same.
            ("analyser: compilation start action, fresh compilation with the generated code", () =>
                DirectAnalysis.Run(new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer(), compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(generated), []).Actions.Count),
            ("analyser: compilation start action, fresh compilation without it", () =>
                DirectAnalysis.Run(new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer(), compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees), []).Actions.Count),
            ("compiler: GetAttributes() of every tier property, fresh compilation with the generated code", () =>
                BindAttributes(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(generated), tiers)),
            ("analyser: ExtensibilityProblems + HierarchyProblems (every tier)", () => tiers.Sum(t => Drain(extensibility.Invoke(null, [t, compilation, CancellationToken.None])) + Drain(hierarchy.Invoke(null, [t])))),
            ("analyser: OverrideChecks.Check", () => Drain(overrides.Invoke(null, [view]))),
            ("analyser: ConsistencyChecks.Check", () => Drain(consistency.Invoke(null, [view]))),
        };

        // Median and fastest over the repeats (after two warm-ups) of wall, thread CPU (the steadiest on a shared machine:
        // neither waiting for a core nor the GC's threads count) and GC pauses.
        List<Cost> Costs(Func<object?> run)
        {
            var costs = new List<Cost>();
            for (var i = 0; i < repeats + 2; i++)
            {
                GC.Collect();
                var meter = new Meter();
                run();
                var cost = meter.Stop();
                if (i >= 2)
                {
                    costs.Add(cost);
                }
            }

            return costs;
        }

        var only = Environment.GetEnvironmentVariable("PROFILE_ONLY");
        using var sampler = Environment.GetEnvironmentVariable("PROFILE_ALLOC") == "1" ? new AllocationSampler() : null;
        foreach (var (name, run) in stages)
        {
            if (only is { Length: > 0 } && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }

            sampler?.Start();
            var costs = Costs(run);
            sampler?.StopAndPrint(name);
            Console.WriteLine($"  {name,-72} wall {BuildRuns.Median(costs.Select(c => c.Wall)),7:0.0} ms, thread CPU {BuildRuns.Median(costs.Select(c => c.ThreadCpu)),7:0.0} (fastest {costs.Min(c => c.ThreadCpu),7:0.0}), GC pauses {BuildRuns.Median(costs.Select(c => c.GcPause)),6:0.0}, {costs[0].Mb,6:0.0} MB (median of {repeats})");
        }
    }

    private static int BindAttributes(Compilation fresh, List<INamedTypeSymbol> tiers) =>
        BuildRuns.BindTierAttributes(fresh, tiers.Select(t => t.ToDisplayString()));
}
