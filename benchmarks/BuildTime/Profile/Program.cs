using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// usage: Profile DIR [RUNS] [--stages] [--warm=N] [--whole] [--unshared] [--prebind]
//        Profile DIR1 DIR2 [RUNS] [--warm=N] --interleave [--prebind]
//   RUNS (default 5) in-process builds after N (default 2) warm ones, each on a fresh compilation: the generator's
//   and the analyser's times as the host reports them, the median and the fastest (BuildRuns).
//   --whole: the analyser run by CompilationWithAnalyzers on the whole output compilation, every action, the host's
//   telemetry (slow: the host binds and analyses the generated code too); by default its compilation start and symbol
//   actions called directly on the policy's files (DirectAnalysis), where it reads and checks the policy.
//   --unshared: the analyser may not read the policy from the generator's compilation (GeneratorCompilations), so it
//   binds every attribute again, as every build did before.
//   --stages: first the time of each stage on its own (Stages; PROFILE_ONLY=text keeps the stages whose name holds it;
//   PROFILE_ALLOC=1 also prints what each stage allocates, by type, AllocationSampler).
//   --interleave: two policies built in turn, RUNS rounds after N warm ones, and the growth from the first to the second
//   (Interleaved). --prebind: the compiler binds every tier attribute before each build, timed apart
//   (BuildRuns.BindTierAttributes), so the growth of its binding and of the generator and analyser's own work show apart.
//   PROFILE_DUMP=file writes the generated source of the first run.
var directories = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).ToList();
var directory = directories.FirstOrDefault() ?? throw new ArgumentException("usage: Profile DIR [RUNS] [--stages] [--warm=N]");
var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
var runs = numbers.Count > 0 ? numbers[0] : 5;
var warm = args.Where(a => a.StartsWith("--warm=", StringComparison.Ordinal)).Select(a => int.Parse(a["--warm=".Length..])).DefaultIfEmpty(2).First();

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var runtime = MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "runtime", "PolicyAsCode.dll"));
if (args.Contains("--interleave"))
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, load average {Load()} at the start");
    var policies = directories.Select(d =>
    {
        var compiled = Compile(d).Compilation;
        return (Path.GetFileName(d), compiled, (IReadOnlyList<string>)TierNames(compiled));
    }).ToList();
    Interleaved.Print(policies, parse, warm, runs, args.Contains("--prebind"));
    Console.WriteLine($"  load average {Load()} at the end");
    return;
}

var (trees, compilation) = Compile(directory);
var userTier = compilation.GetTypeByMetadataName("Bench.Policies.Prefs") ?? compilation.GetTypeByMetadataName("QuickStart.Policies.LearnerPreferences")
    ?? throw new InvalidOperationException("no user tier Bench.Policies.Prefs or QuickStart.Policies.LearnerPreferences");
var tiers = Records(compilation);
Console.WriteLine($"{directory}: {trees.Count} files, {tiers.Count} records, user tier {userTier.Name} with {userTier.GetMembers().OfType<IPropertySymbol>().Count()} properties");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, load average {Load()} at the start");

if (args.Contains("--stages"))
{
    // Bind declarations once, so the stages measure the policy code rather than the compiler's first look.
    compilation.GetDeclarationDiagnostics();
    Stages.Print(compilation, trees, userTier, tiers, runs, parse);
}

var prebound = args.Contains("--prebind") ? tiers.Select(t => t.ToDisplayString()).ToList() : null;
var measured = BuildRuns.Measure(compilation, parse, warm, runs, args.Contains("--whole"), args.Contains("--unshared"), (i, run) =>
{
    var label = i < 0 ? $"warm {i + warm + 1}" : $"run {i + 1}";
    if (prebound is not null)
    {
        Console.WriteLine($"  {label,-7} compiler binds the tier attributes ({run.BindingCost})");
    }

    Console.WriteLine($"  {label,-7} generator {run.Generator,7:0.0} ms ({run.GeneratorCost}; "
        + string.Join(", ", run.Steps.Where(s => s.Value >= 0.05).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:0.0}")) + ")");
    Console.WriteLine($"  {"",-7} compiler parses the generated code ({run.ParseCost})");
    Console.WriteLine($"  {"",-7} analyser  {run.Analyser,7:0.0} ms ({run.AnalyserCost}; "
        + string.Join(", ", run.Actions.OrderByDescending(a => a.Value.Ms).Select(a => $"{a.Key} {a.Value.Ms:0.0}/{a.Value.Calls}")) + ")");
    Console.WriteLine($"  {"",-7} total     {run.Total,7:0.0} ms");
}, prebound);

var first = measured[0];
Console.WriteLine($"  generated {first.GeneratedChars:N0} chars; analyser diagnostics: {first.Diagnostics}; "
    + $"analyser read from the generator's compilation in {measured.Count(r => r.SharedRead)} of {measured.Count} runs");
Console.WriteLine($"  {"",-34} {"median",9} {"fastest",9}   (ms over {measured.Count} runs after {warm} warm)");
Row("generator (host timer)", measured.Select(r => r.Generator));
Row("analyser (host telemetry)", measured.Select(r => r.Analyser));
Row("generator + analyser", measured.Select(r => r.Total));
if (prebound is not null)
{
    Row("the compiler's binding, before them", measured.Select(r => r.BindingCost.Wall));
}

Row("  wall, both phases", measured.Select(r => r.Cost.Wall));
Row("  process CPU, both phases", measured.Select(r => r.Cost.Cpu));
Row("  thread CPU, generator", measured.Select(r => r.GeneratorCost.ThreadCpu));
Row("  thread CPU, analyser", measured.Select(r => r.AnalyserCost.ThreadCpu));
Row("  thread CPU, both phases", measured.Select(r => r.Cost.ThreadCpu));
Row("  GC pauses, both phases", measured.Select(r => r.Cost.GcPause));
Row("  allocated MB, both phases", measured.Select(r => r.Cost.Mb));
Row("  page faults, both phases", measured.Select(r => (double)r.Cost.PageFaults));
Row("compiler: parse of the generated code, wall", measured.Select(r => r.ParseCost.Wall));
Row("  thread CPU", measured.Select(r => r.ParseCost.ThreadCpu));
Console.WriteLine($"  load average {Load()} at the end");

static void Row(string name, IEnumerable<double> values)
{
    var list = values.ToList();
    Console.WriteLine($"  {name,-34} {BuildRuns.Median(list),9:0.0} {list.Min(),9:0.0}");
}

// The policy's files in a folder, parsed, and their compilation against the runtime library.
(List<SyntaxTree> Trees, CSharpCompilation Compilation) Compile(string folder)
{
    var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
        .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)).ToList();
    return (files, CSharpCompilation.Create("Bench", files, [.. Net100.References.All, runtime],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));
}

// The policy's records: its tiers, whose attributes the compiler binds for the reader.
static List<INamedTypeSymbol> Records(CSharpCompilation compilation) =>
    compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>())
        .Select(r => compilation.GetSemanticModel(r.SyntaxTree).GetDeclaredSymbol(r)!).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>().ToList();

static List<string> TierNames(CSharpCompilation compilation) => [.. Records(compilation).Select(t => t.ToDisplayString())];

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
