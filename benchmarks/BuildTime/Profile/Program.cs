extern alias analyzers;
extern alias generator;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// usage: Profile DIR [REPEATS] [--with-generated]
//   --with-generated: run the analyser on the generator's output compilation, as a build does
var directory = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Profile DIR [REPEATS]");
var repeats = args.Length > 1 ? int.Parse(args[1]) : 5;
var afterGenerator = args.Contains("--with-generated");

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var trees = Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal)
    .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)).ToList();
var runtime = MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "runtime", "PolicyAsCode.dll"));
var compilation = CSharpCompilation.Create("Bench", trees, [.. Net100.References.All, runtime],
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
var userTier = compilation.GetTypeByMetadataName("Bench.Policies.Prefs") ?? compilation.GetTypeByMetadataName("QuickStart.Policies.LearnerPreferences")
    ?? throw new InvalidOperationException("no user tier Bench.Policies.Prefs or QuickStart.Policies.LearnerPreferences");
var tiers = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>())
    .Select(r => compilation.GetSemanticModel(r.SyntaxTree).GetDeclaredSymbol(r)!).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>().ToList();
Console.WriteLine($"{directory}: {trees.Count} files, {tiers.Count} records, user tier {userTier.Name} with {userTier.GetMembers().OfType<IPropertySymbol>().Count()} properties");

// Force binding of declarations once, so the stages below measure the policy code rather than the compiler's first look.
compilation.GetDeclarationDiagnostics();

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

static int Drain(object? sequence) => sequence is IEnumerable e ? e.Cast<object>().Count() : -1;

// Each stage runs on a model read once (the analyser's copy of the reader and the generator's are the same code).
var model = read.Invoke(null, [userTier, compilation, CancellationToken.None]);
var generatorModel = readGen.Invoke(null, [userTier, compilation, CancellationToken.None]);
var view = Activator.CreateInstance(viewType, [model]);
var stages = new (string Name, Func<object?> Run)[]
{
    ("generator: PolicyReader.Read (user tier and the tiers above)", () => readGen.Invoke(null, [userTier, compilation, CancellationToken.None])),
    ("generator: EvaluatorEmitter.Emit", () => emit.Invoke(null, [generatorModel])),
    ("analyser: PolicyReader.Read (user tier and the tiers above)", () => read.Invoke(null, [userTier, compilation, CancellationToken.None])),
    // The same read on a new compilation of the same trees: the compiler binds every attribute and initialiser again
    // for whoever asks first (in a build, the generator or the analyser).
    ("analyser: PolicyReader.Read on a fresh compilation (attributes unbound)", () =>
    {
        var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        return read.Invoke(null, [fresh.GetTypeByMetadataName(userTier.ToDisplayString())!, fresh, CancellationToken.None]);
    }),
    // The compiler's share: binding every attribute of every tier property on a new compilation, with nothing else.
    ("compiler: GetAttributes() of every tier property, fresh compilation", () =>
    {
        var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        var count = 0;
        foreach (var tier in tiers)
        {
            var type = fresh.GetTypeByMetadataName(tier.ToDisplayString())!;
            count += type.GetAttributes().Length;
            foreach (var member in type.GetMembers().OfType<IPropertySymbol>())
            {
                count += member.GetAttributes().Length;
            }
        }

        return count;
    }),
    ("analyser: ExtensibilityProblems + HierarchyProblems (every tier)", () => tiers.Sum(t => Drain(extensibility.Invoke(null, [t, compilation, CancellationToken.None])) + Drain(hierarchy.Invoke(null, [t])))),
    ("analyser: OverrideChecks.Check", () => Drain(overrides.Invoke(null, [view]))),
    ("analyser: ConsistencyChecks.Check", () => Drain(consistency.Invoke(null, [view]))),
};

// Fastest wall time and least CPU time over the repeats: on a shared machine the CPU time is the steadier figure.
(double Wall, double Cpu) Best(Func<object?> run)
{
    var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
    var process = System.Diagnostics.Process.GetCurrentProcess();
    for (var i = 0; i < repeats + 2; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        if (i >= 2)
        {
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
    }

    return best;
}

var only = Environment.GetEnvironmentVariable("PROFILE_ONLY");
foreach (var (name, run) in stages)
{
    if (only is { Length: > 0 } && !name.Contains(only, StringComparison.Ordinal))
    {
        continue;
    }

    var (wall, cpu) = Best(run);
    Console.WriteLine($"  {name,-64} {wall,9:0.0} ms wall {cpu,9:0.0} ms CPU (best of {repeats})");
}

if (only is { Length: > 0 })
{
    return;
}

// Whole generator and analyser as the compiler host runs them (its own timers, as -p:ReportAnalyzer=true reports them).
var generatorTimes = new List<double>();
var analyzerTimes = new List<double>();
var sequentialTimes = new List<double>();
var analysisWall = new List<double>();
for (var i = 0; i < repeats + 2; i++)
{
    var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
    GeneratorDriver driver = CSharpGeneratorDriver.Create([new generator::PolicyAsCode.Generators.PolicyGenerator().AsSourceGenerator()], parseOptions: parse);
    driver = driver.RunGeneratorsAndUpdateCompilation(fresh, out var output, out _);
    if (i == 0)
    {
        var generated = driver.GetRunResult().GeneratedTrees;
        Console.WriteLine($"  generated: {generated.Length} file(s), {generated.Sum(t => t.Length):N0} chars");
        if (Environment.GetEnvironmentVariable("PROFILE_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump, string.Join("\n", generated.Select(t => t.ToString())));
        }
    }

    // As the compiler runs analysers (concurrently), and once more one callback at a time: with concurrent callbacks,
    // every callback waiting for the shared PolicyAnalysis counts its wait as analyser time.
    foreach (var concurrent in new[] { true, false })
    {
        var analyzer = new analyzers::PolicyAsCode.Analyzers.PolicyAnalyzer();
        // On the generator's output, as in a build (the generated trees are bound too, though not analysed).
        var withAnalyzers = (afterGenerator ? output : compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees))
            .WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true));
        var clock = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var wall = clock.Elapsed.TotalMilliseconds;
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
        if (i >= 2)
        {
            (concurrent ? analyzerTimes : sequentialTimes).Add(telemetry.ExecutionTime.TotalMilliseconds);
            if (concurrent)
            {
                analysisWall.Add(wall);
            }
        }

        if (i == 0 && concurrent)
        {
            Console.WriteLine($"  diagnostics: {string.Join(", ", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key}x{g.Count()}").DefaultIfEmpty("none"))}");
        }
    }

    if (i >= 2)
    {
        generatorTimes.Add(driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
    }
}

Console.WriteLine($"  {"host: generator (GeneratorDriver timing)",-64} {generatorTimes.Min(),9:0.0} ms (best of {repeats})");
Console.WriteLine($"  {"host: analyser, concurrent (telemetry, as ReportAnalyzer)",-64} {analyzerTimes.Min(),9:0.0} ms (best of {repeats})");
Console.WriteLine($"  {"host: analyser, one callback at a time (telemetry)",-64} {sequentialTimes.Min(),9:0.0} ms (best of {repeats})");
Console.WriteLine($"  {"host: whole analysis incl. binding, concurrent (wall)",-64} {analysisWall.Min(),9:0.0} ms (best of {repeats})");
