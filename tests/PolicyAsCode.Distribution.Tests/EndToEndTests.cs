using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using PolicyAsCode.Distribution.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Distribution.Tests;

/// <summary>
/// From an empty folder to a green build, as a user gets there, against the packages of this run's temporary feed:
/// install the templates into an isolated hive, <c>dotnet new policy</c>, build, test; then break the policy with a
/// user default above the organisation's bound (PAC0001 at that line) and fix it again.
/// Nothing touches the user's template list (<c>--debug:custom-hive</c>) or global package folder (NUGET_PACKAGES and
/// a NuGet.config of its own point restore at a folder under the test's temporary root).
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class EndToEndTests(PackedFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private const string Name = "Contoso.Policies";
    private const string UserDefault = "public Maturity Maturity { get; init; } = Maturity.General;";
    private const string OverridingUserDefault = "public Maturity Maturity { get; init; } = Maturity.Mature;";

    [Fact]
    public void Policy_template_builds_and_tests_green_then_PAC0001_stops_an_overriding_user_default()
    {
        var hive = feed.NewFolder("hive");
        var packages = feed.NewFolder("packages");
        var work = feed.NewFolder("work");
        WriteNuGetConfig(packages);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        // 1. Install the templates into an isolated hive.
        Step(work, NewTimeout, null, "new", "install", feed.TemplatesPackage, "--debug:custom-hive", hive);

        // 2. From an empty folder: dotnet new policy, then dotnet build. This is what the user waits for.
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        var created = Step(work, NewTimeout, null, "new", "policy", "-n", Name, "--organisation", "Contoso Learning", "--jurisdictions", "EU", "US", "--debug:custom-hive", hive);
        var solution = Path.Combine(work, Name);
        var build = Step(solution, BuildTimeout, isolated, "build");
        var toGreenBuild = created.Elapsed + build.Elapsed;
        AssertNoWarnings(build);

        // 3. Its tests pass.
        var test = Step(solution, BuildTimeout, isolated, "test", "--no-build");
        var passed = Regex.Match(test.Output, @"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+(\d+),\s+Skipped:\s+0");
        Assert.True(passed.Success, test.Describe());
        Assert.True(int.Parse(passed.Groups[1].Value) >= 10, test.Describe());

        // The PolicyAsCode it restored is this run's, from the temporary feed, in the isolated package folder only.
        var restored = Path.Combine(packages, "policyascode", feed.Version.ToLowerInvariant());
        Assert.True(File.Exists(Path.Combine(restored, $"policyascode.{feed.Version.ToLowerInvariant()}.nupkg")), $"expected PolicyAsCode {feed.Version} in {packages}");
        Assert.Contains(feed.Feed, File.ReadAllText(Path.Combine(restored, ".nupkg.metadata")));
        var global = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "policyascode", feed.Version.ToLowerInvariant());
        Assert.False(Directory.Exists(global), $"{global} must not exist: the test's restore went to the global package folder");
        AssertTemplatesNotInstalledGlobally();

        // 3b. Its tests run from case files with the test kit, and pac test --coverage runs them on the built assembly.
        TemplateCases.Check(feed, output, solution, Name, isolated);

        // 4. A user default above the organisation's AtMost(Maturity.Teen): the build fails with PAC0001 at that line.
        var preferences = Path.Combine(solution, "src", Name, "UserPreferences.cs");
        var original = File.ReadAllText(preferences);
        var line = LineOf(original, UserDefault);
        File.WriteAllText(preferences, original.Replace(UserDefault, OverridingUserDefault, StringComparison.Ordinal));
        var broken = Run(solution, BuildTimeout, isolated, "build");
        Assert.NotEqual(0, broken.ExitCode);
        var pac0001 = Regex.Match(broken.Output, @"UserPreferences\.cs\((\d+),(\d+)\): error PAC0001: (.*?) \[");
        Assert.True(pac0001.Success, "expected error PAC0001 in UserPreferences.cs. " + broken.Describe());
        Assert.Equal(line, int.Parse(pac0001.Groups[1].Value));
        Assert.Contains("contoso-learning", pac0001.Groups[3].Value);
        feed.Report($"broken build failed as it must: UserPreferences.cs({pac0001.Groups[1].Value},{pac0001.Groups[2].Value}): error PAC0001: {pac0001.Groups[3].Value}", output);

        // 5. Fixed again: the build passes.
        File.WriteAllText(preferences, original);
        var fixedBuild = Step(solution, BuildTimeout, isolated, "build");
        AssertNoWarnings(fixedBuild);

        feed.Report(
            $"measured: {toGreenBuild.TotalSeconds:F1} s from `dotnet new policy` to a green build "
            + $"(new {created.Elapsed.TotalSeconds:F1} s + restore and build {build.Elapsed.TotalSeconds:F1} s; goal <= 60 s; "
            + $"CPU time {Cpu(created, build)}); "
            + $"tests {test.Elapsed.TotalSeconds:F1} s ({passed.Groups[1].Value} passed); "
            + $"PAC0001 build {broken.Elapsed.TotalSeconds:F1} s; fixed build {fixedBuild.Elapsed.TotalSeconds:F1} s; "
            + $"pack {feed.PackSeconds:F1} s; {Environment.ProcessorCount} cores, load average {LoadAverage()}",
            output);
    }

    [Fact]
    public void Policy_template_options_choose_the_jurisdictions_the_organisation_and_the_tests()
    {
        var hive = feed.NewFolder("hive-options");
        var work = feed.NewFolder("work-options");
        Step(work, NewTimeout, null, "new", "install", feed.TemplatesPackage, "--debug:custom-hive", hive);

        Step(work, NewTimeout, null, "new", "policy", "-n", "Acme.Policy", "--organisation", "9 Lives & Co.", "-j", "UK", "--tests", "false", "--framework", "net10.0", "--debug:custom-hive", hive);

        var root = Path.Combine(work, "Acme.Policy");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                ".editorconfig", ".gitignore", "Acme.Policy.slnx", "README.md",
                "src/Acme.Policy/Acme.Policy.csproj", "src/Acme.Policy/Dimensions.cs", "src/Acme.Policy/Org9LivesCo.cs",
                "src/Acme.Policy/UkLaw.cs", "src/Acme.Policy/UserPreferences.cs",
            ],
            files);

        var organisation = File.ReadAllText(Path.Combine(root, "src/Acme.Policy/Org9LivesCo.cs"));
        Assert.Contains("[OrganisationTier(\"9-lives-co\"", organisation);
        Assert.Contains("public partial record Org9LivesCo", organisation);
        Assert.Contains("typeof(UkLaw)", organisation);
        Assert.DoesNotContain("EuLaw", organisation);
        Assert.DoesNotContain("#if", organisation);
        Assert.Contains("[Waives(typeof(UkLaw), When = Fact.RolePlay)]", File.ReadAllText(Path.Combine(root, "src/Acme.Policy/UserPreferences.cs")));
        Assert.DoesNotContain("Tests", File.ReadAllText(Path.Combine(root, "Acme.Policy.slnx")));
        Assert.Contains($"<PackageReference Include=\"PolicyAsCode\" Version=\"{feed.Version}\" />", File.ReadAllText(Path.Combine(root, "src/Acme.Policy/Acme.Policy.csproj")));
    }

    /// <summary>
    /// A national law comes with the law it sits within (it never applies without it), whether or not that law was
    /// chosen too; the organisation lists every law created; the created solution builds with no warning and its tests,
    /// the national law's among them, pass.
    /// </summary>
    [Theory]
    [InlineData("EU DE US", "DE", "EU", "EuLaw DeLaw UsLaw")]
    [InlineData("DE", "DE", "EU", "EuLaw DeLaw")]
    [InlineData("US-CA", "US-CA", "US", "UsLaw UsCaLaw")]
    public void Policy_template_creates_a_national_law_within_its_parent_and_builds_and_tests_green(string jurisdictions, string national, string parent, string laws)
    {
        var folder = "national-" + jurisdictions.Replace(' ', '-');
        var hive = feed.NewFolder("hive-" + folder);
        var packages = feed.NewFolder("packages");
        var work = feed.NewFolder("work-" + folder);
        WriteNuGetConfig(packages);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        Step(work, NewTimeout, null, "new", "install", feed.TemplatesPackage, "--debug:custom-hive", hive);

        Step(work, NewTimeout, null, ["new", "policy", "-n", Name, "--organisation", "Contoso Learning", "--jurisdictions", .. jurisdictions.Split(' '), "--debug:custom-hive", hive]);

        var solution = Path.Combine(work, Name);
        var source = Path.Combine(solution, "src", Name);
        var expected = laws.Split(' ');
        var created = Directory.EnumerateFiles(source, "*Law.cs").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), created);

        var nationalType = LawType(national);
        Assert.Contains($"[ImmutableTier(\"{national}\", Within = [typeof({LawType(parent)})])]", File.ReadAllText(Path.Combine(source, nationalType + ".cs")));
        var organisation = File.ReadAllText(Path.Combine(source, "ContosoLearning.cs"));
        var within = Regex.Matches(organisation, @"typeof\((\w+)\)").Select(m => m.Groups[1].Value);
        Assert.Equal(expected, within);
        Assert.DoesNotContain("#if", organisation);

        var nationalTests = File.ReadAllText(Path.Combine(solution, "tests", Name + ".Tests", nationalType + "Tests.cs"));
        Assert.Contains($"law of {national} within {parent}", nationalTests);

        AssertNoWarnings(Step(solution, BuildTimeout, isolated, "build"));
        var test = Step(solution, BuildTimeout, isolated, "test", "--no-build", "--logger", "console;verbosity=normal");
        var total = Regex.Match(test.Output, @"Total tests: (\d+)\s+Passed: (\d+)");
        Assert.True(total.Success, test.Describe());
        Assert.Equal(total.Groups[1].Value, total.Groups[2].Value);
        Assert.Contains("Test Run Successful.", test.Output);
        Assert.True(Regex.IsMatch(test.Output, $@"Passed {Regex.Escape(Name)}\.Tests\.{nationalType}Tests\.\w+"), $"{nationalType}Tests did not run. " + test.Describe());
        feed.Report($"-j {jurisdictions}: {string.Join(", ", expected)}; {total.Groups[2].Value} tests passed", output);
    }

    /// <summary>The record the template names a jurisdiction's law: DE gives DeLaw, US-CA gives UsCaLaw.</summary>
    private static string LawType(string jurisdiction) =>
        string.Concat(jurisdiction.Split('-').Select(p => p[..1] + p[1..].ToLowerInvariant())) + "Law";

    /// <summary>A NuGet.config above the work folder: this run's feed first, then the sources this machine already uses.</summary>
    private void WriteNuGetConfig(string packages)
    {
        var sources = Run(feed.Root, NewTimeout, null, "nuget", "list", "source", "--format", "short");
        var enabled = sources.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .Where(s => s.Length > 0)
            .ToList();
        if (enabled.Count == 0)
        {
            enabled.Add("https://api.nuget.org/v3/index.json");
        }

        var adds = string.Join("\n", enabled.Select((s, i) => $"    <add key=\"source{i}\" value=\"{SecurityElement.Escape(s)}\" />"));
        File.WriteAllText(Path.Combine(feed.Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="policyascode-e2e" value="{SecurityElement.Escape(feed.Feed)}" />
            {adds}
              </packageSources>
              <packageSourceMapping>
                <clear />
              </packageSourceMapping>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packages)}" />
              </config>
            </configuration>
            """);
        output.WriteLine($"NuGet.config: {feed.Feed} + {string.Join(", ", enabled)}; packages in {packages}");
    }

    private CommandResult Step(string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Run(directory, timeout, environment, arguments);
        Assert.True(result.Succeeded, result.Describe());
        return result;
    }

    private CommandResult Run(string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = DotNet.Run(directory, timeout, environment, arguments);
        output.WriteLine($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static void AssertNoWarnings(CommandResult build)
    {
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", build.Output);
        Assert.Matches(@"(?m)^\s*0 Error\(s\)", build.Output);
        Assert.DoesNotMatch(@": warning [A-Z]+\d+", build.Output);
    }

    private static int LineOf(string text, string line)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(line, StringComparison.Ordinal));
        Assert.True(index >= 0, $"the template's UserPreferences.cs no longer has `{line}`");
        return index + 1;
    }

    /// <summary>The user's own template list (~/.templateengine) must not know this run's templates.</summary>
    private void AssertTemplatesNotInstalledGlobally()
    {
        var settings = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".templateengine");
        if (!Directory.Exists(settings))
        {
            return;
        }

        var leaked = Directory.EnumerateFiles(settings, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains(feed.Version, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(leaked);
    }

    private static string Cpu(params CommandResult[] steps) =>
        steps.All(s => s.CpuTime is not null) ? $"{steps.Sum(s => s.CpuTime!.Value.TotalSeconds):F1} s" : "n/a";

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
