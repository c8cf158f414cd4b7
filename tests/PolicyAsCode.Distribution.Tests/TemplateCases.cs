using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyAsCode.Distribution.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Distribution.Tests;

/// <summary>
/// The policy test kit in a project made by <c>dotnet new policy --jurisdictions EU US</c> (built and tested by
/// <see cref="EndToEndTests"/>): its tests run from its case files, one test per case, and cover every rule; then
/// <c>pac test --coverage</c>, installed from the feed, runs the same cases on the built assembly, lists the rules a
/// part of them never exercises, and fails on a case that no longer holds.
/// </summary>
internal static class TemplateCases
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The rules organisation.yaml alone never exercises in an EU and US policy, as pac lists them.</summary>
    private static readonly string[][] NeverExercisedByTheOrganisationCases =
    [
        ["bound", "law of EU", "DiscloseAi Locked(true)"],
        ["bound", "law of EU", "MemoryDays Locked(0) (unless ConsentsToMemory)"],
        ["bound", "law of US", "Maturity AtMost(Maturity.Teen) (when Minor)"],
        ["bound", "law of US", "DiscloseAi Locked(true)"],
        ["bound", "law of US", "MemoryDays Locked(0) (when Minor)"],
        ["waiver", "user tier UserPreferences", "waives law of EU's bounds on DiscloseAi (when RolePlay)"],
        ["waiver", "user tier UserPreferences", "waives law of US's bounds on DiscloseAi (when RolePlay)"],
        ["hazard rule", "law of EU", "refuses ChildSexualExploitation | IndiscriminateWeapons"],
        ["hazard rule", "law of US", "refuses ChildSexualExploitation | IndiscriminateWeapons"],
    ];

    public static void Check(PackedFeed feed, ITestOutputHelper output, string solution, string name, IReadOnlyDictionary<string, string> isolated)
    {
        var tests = Path.Combine(solution, "tests", name + ".Tests");
        var cases = Path.Combine(tests, "cases");
        Assert.Equal(["eu-law.yaml", "organisation.yaml", "us-law.yaml"], Directory.GetFiles(cases).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // 1. The template's tests run from its case files: a test per case, by name, and every rule covered.
        var run = Run(output, solution, isolated, "test", "--no-build", "--filter", "FullyQualifiedName~PolicyCaseTests", "--logger", "console;verbosity=normal");
        Assert.True(run.Succeeded, run.Describe());
        var perCase = Regex.Matches(run.Output, $@"Passed {Regex.Escape(name)}\.Tests\.PolicyCaseTests\.Case\(policyCase: ([^\r\n]*)\) \[").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("a minor gets at most teen content", perCase);
        Assert.Contains("no memory of children's personal data", perCase);
        Assert.Contains("the organisation caps maturity at teen", perCase);
        Assert.Equal(CaseCount(cases), perCase.Count);
        Assert.Contains($"Passed {name}.Tests.PolicyCaseTests.The_cases_exercise_every_bound_waiver_and_hazard_rule", run.Output);

        // 2. pac, installed from the feed, runs the same cases on the built assembly: all pass, every rule exercised.
        var pac = InstallPac(feed, output, isolated);

        // pac lays a redirected report out to COLUMNS (80 without it, where this table becomes blocks): wide enough
        // here for the one-row-per-line table read below.
        var wide = new Dictionary<string, string>(isolated) { ["COLUMNS"] = "200" };
        var assembly = Path.Combine(solution, "src", name, "bin", "Debug", "net10.0", name + ".dll");
        var all = Run(output, solution, wide, pac, "test", assembly, cases, "--coverage");
        Assert.True(all.ExitCode == 0, all.Describe());
        Assert.Contains($"all {perCase.Count} passed.", all.Output);
        Assert.Contains("rules exercised (100.0%)", all.Output);
        Assert.Contains("Every rule was exercised.", all.Output);

        // 3. The organisation's cases alone: pac lists exactly the rules they never exercise.
        var organisation = Run(output, solution, wide, pac, "test", assembly, Path.Combine(cases, "organisation.yaml"), "--coverage");
        Assert.True(organisation.ExitCode == 0, organisation.Describe());
        var table = organisation.Output.Split('\n').SkipWhile(l => l.Trim() != "Never exercised:").Skip(3)
            .Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(r => r.Length == 3)
            .ToList();
        Assert.Equal(NeverExercisedByTheOrganisationCases.Select(r => string.Join(" | ", r)), table.Select(r => string.Join(" | ", r)));

        // 4. A case that no longer holds fails pac test with exit 1 and says what differed.
        var broken = Path.Combine(feed.NewFolder("broken-cases"), "eu-law.yaml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(cases, "eu-law.yaml")).Replace("effective: { maturity: Teen }", "effective: { maturity: General }", StringComparison.Ordinal));
        var failing = Run(output, solution, isolated, pac, "test", assembly, broken);
        Assert.True(failing.ExitCode == 1, failing.Describe());
        Assert.Contains($"FAIL {broken}:", failing.Output);
        Assert.Contains("  - effective maturity: expected \"General\", got \"Teen\"", failing.Output);

        feed.Report($"template cases: {perCase.Count} cases passed in dotnet test and in pac test (100% of rules); organisation.yaml alone leaves {table.Count} rules never exercised", output);
    }

    private static int CaseCount(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Sum(f => File.ReadAllLines(f).Count(l => l.StartsWith("  - name: ", StringComparison.Ordinal)));

    /// <summary>Installs PolicyAsCode.Tool from the feed into a tool folder of its own; the path of its pac.dll.</summary>
    private static string InstallPac(PackedFeed feed, ITestOutputHelper output, IReadOnlyDictionary<string, string> isolated)
    {
        var tools = feed.NewFolder("template-cases-tool");
        var install = Run(output, feed.Root, isolated, "tool", "install", "PolicyAsCode.Tool", "--version", feed.Version, "--tool-path", tools, "--add-source", feed.Feed);
        Assert.True(install.Succeeded, install.Describe());
        return Directory.EnumerateFiles(tools, "pac.dll", SearchOption.AllDirectories).Single();
    }

    private static CommandResult Run(ITestOutputHelper output, string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = DotNet.Run(directory, Timeout, environment, arguments);
        output.WriteLine($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}
