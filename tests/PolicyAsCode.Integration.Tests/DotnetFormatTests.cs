using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyAsCode.Integration.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Integration.Tests;

/// <summary>
/// Fixes never widen, through <c>dotnet format analyzers --diagnostics PAC0002</c> as a team would run it (issue 12):
/// in a policy deployed in the EU and the US, an organisation bound with no effect under EU law that still narrows
/// US law is never removed; one with no effect under either law is.
/// </summary>
public sealed class DotnetFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private const string Laws = """
        using PolicyAsCode;

        namespace Fmt;

        public enum Level { Low, Medium, High }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [Between(0, 30)]
            public int MemoryDays { get; init; }

            [AtMost(Level.Medium)]
            public Level Level { get; init; }
        }

        [ImmutableTier("US")]
        public partial record UsLaw
        {
            [Between(0, 365)]
            public int MemoryDays { get; init; }

            [AtMost(Level.Medium)]
            public Level Level { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }

            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Level Level { get; init; }
        }

        """;

    private static string Organisation(string memoryDays, string level) => $$"""
        [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
        public partial record Acme
        {
        {{memoryDays}}    public int MemoryDays { get; init; }

        {{level}}    public Level Level { get; init; }
        }

        """;

    [Fact]
    public async Task A_bound_that_still_narrows_another_jurisdiction_is_never_removed()
    {
        // Between(0, 60) has no effect under EU law (0 to 30) but narrows US law (0 to 365): removing it would widen the US.
        var policy = Laws + Organisation("    [Between(0, 60)]\n", string.Empty);
        var after = await FormatAsync(policy);
        Assert.Equal(policy, after);
    }

    [Fact]
    public async Task A_bound_with_no_effect_anywhere_is_removed()
    {
        var before = Laws + Organisation(string.Empty, "    [AtMost(Level.High)]\n");
        var after = await FormatAsync(before);
        Assert.DoesNotContain("[AtMost(Level.High)]", after, StringComparison.Ordinal);
        Assert.Equal(Squeeze(before.Replace("[AtMost(Level.High)]", string.Empty, StringComparison.Ordinal)), Squeeze(after));
    }

    [Fact]
    public async Task Beside_one_that_may_go_the_bound_that_narrows_another_jurisdiction_stays()
    {
        var after = await FormatAsync(Laws + Organisation("    [Between(0, 60)]\n", "    [AtMost(Level.High)]\n"));
        Assert.Contains("[Between(0, 60)]", after, StringComparison.Ordinal);
    }

    // Writes the policy into a throw-away project that uses the built runtime, generator, analysers and code fixes,
    // runs dotnet format on PAC0002 and returns the policy as it left it.
    private async Task<string> FormatAsync(string policy)
    {
        using var scratch = ScratchProject.Create(
            "pac-format-",
            "Fmt",
            $"""
                <Reference Include="{RepoPaths.RuntimeAssembly}" />
                <Analyzer Include="{Built("generators", "PolicyAsCode.Generators")}" />
                <Analyzer Include="{Built("analyzers", "PolicyAsCode.Analyzers")}" />
                <Analyzer Include="{Built("analyzers", "PolicyAsCode.CodeFixes")}" />

            """);
        var file = scratch.PathOf("Policy.cs");
        File.WriteAllText(file, policy);
        var run = await DotnetCli.RunAsync(scratch.Directory, ["format", "analyzers", scratch.Project, "--diagnostics", "PAC0002", "--severity", "info", "-v", "n"], Timeout);
        output.WriteLine($"dotnet format exited with {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s:{Environment.NewLine}{run.Output}");
        Assert.True(run.ExitCode == 0, run.Output);
        return File.ReadAllText(file);
    }

    // The text without its white space: the fix takes the attribute's line with it.
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Built(string folder, string name)
    {
        var path = Path.Combine(RepoPaths.RepoRoot, folder, name, "bin", RepoPaths.Configuration, "netstandard2.0", name + ".dll");
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }
}
