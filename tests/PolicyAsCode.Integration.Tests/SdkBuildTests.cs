using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyAsCode.Integration.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Integration.Tests;

/// <summary>
/// The whole chain as a team meets it: a policy project referencing the runtime, the generator and the analyser the
/// way the QuickStart does, built by the real SDK. A user default that overrides its organisation's bound fails the
/// build with PAC0001 at the default; fixing the default makes it build, with the evaluator generated.
/// </summary>
public sealed partial class SdkBuildTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private const string Dimensions = """
        namespace Contoso.Policies;

        public enum Maturity
        {
            General,
            Teen,
            Mature,
        }
        """;

    // The user default on the line marked DEFAULT is replaced per build.
    private const string Tiers = """
        using PolicyAsCode;

        namespace Contoso.Policies;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Mature)]
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("contoso", Within = [typeof(EuLaw)])]
        public partial record Contoso
        {
            [AtMost(Maturity.Teen, Reason = "the service is for learners from 13")]
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Contoso)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; } = DEFAULT;
        }
        """;

    [Fact]
    public async Task User_default_overriding_the_organisation_fails_the_build_at_its_line_until_fixed()
    {
        using var scratch = ScratchProject.Create(
            "pac-sdk-",
            "Contoso.Policies",
            $"""
                <ProjectReference Include="{RepoPaths.RuntimeProject}" />
                <ProjectReference Include="{RepoPaths.GeneratorProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{RepoPaths.AnalyzerProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />

            """,
            "    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>\n");
        var directory = scratch.Directory;
        var project = scratch.Project;
        File.WriteAllText(Path.Combine(directory, "Dimensions.cs"), Dimensions);
        var policy = Path.Combine(directory, "Policy.cs");

        // 1. Mature is outside Contoso's AtMost(Maturity.Teen): PAC0001 on the initialiser, and only there.
        var broken = Tiers.Replace("DEFAULT", "Maturity.Mature", StringComparison.Ordinal);
        File.WriteAllText(policy, broken);
        var (line, column) = PositionOf(broken, "Maturity.Mature;");
        var failed = await BuildAsync(directory, project);

        Assert.True(failed.ExitCode != 0, $"the build succeeded despite the override:{Environment.NewLine}{failed.Output}");
        Assert.Equal([(policy, line, column, "PAC0001")], Errors(failed.Output));
        Assert.Contains($"{policy}({line},{column}): error PAC0001", failed.Output, StringComparison.Ordinal);

        // 2. Teen is allowed everywhere: the build succeeds and the generator has written the evaluator.
        File.WriteAllText(policy, Tiers.Replace("DEFAULT", "Maturity.Teen", StringComparison.Ordinal));
        var fixedRun = await BuildAsync(directory, project);

        Assert.True(fixedRun.ExitCode == 0, $"the fixed policy did not build:{Environment.NewLine}{fixedRun.Output}");
        Assert.Empty(Errors(fixedRun.Output));
        Assert.DoesNotContain("PAC0001", fixedRun.Output, StringComparison.Ordinal);
        var generated = Directory.GetFiles(Path.Combine(directory, "obj"), "Contoso.Policies.Prefs.Policy.g.cs", SearchOption.AllDirectories);
        Assert.Single(generated);
        Assert.Single(Directory.GetFiles(Path.Combine(directory, "bin"), "Contoso.Policies.dll", SearchOption.AllDirectories));
    }

    private async Task<CliRun> BuildAsync(string directory, string project)
    {
        // The referenced projects were built with this test project, in its configuration; the child build only reads
        // their outputs (BuildProjectReferences=false), so it neither rebuilds nor rewrites anything in the repository.
        var run = await DotnetCli.RunAsync(
            directory,
            ["build", project, "-nologo", "-c", RepoPaths.Configuration, "-p:UseSharedCompilation=false", "-p:BuildProjectReferences=false", "-nodeReuse:false"],
            BuildTimeout);
        output.WriteLine($"dotnet build exited with {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s:{Environment.NewLine}{run.Output}");
        return run;
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/>.</summary>
    private static (int Line, int Column) PositionOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"no {marker} in the policy");
        var before = text.AsSpan(0, index);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>Distinct MSBuild error lines: file, line, column and id.</summary>
    private static List<(string File, int Line, int Column, string Id)> Errors(string output) =>
        ErrorLine().Matches(output)
            .Select(m => (m.Groups["file"].Value.Trim(), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value), m.Groups["id"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]+)\((?<line>\d+),(?<column>\d+)\): error (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
