using System;
using System.Collections.Generic;
using System.IO;
using PolicyAsCode.Distribution.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Distribution.Tests;

/// <summary>
/// The build keeps the public API list and the code style: a throwaway library under a copy of the repository's own
/// props, editorconfig and package versions (laid out as src/ is) builds clean, then fails with RS0016 once it gains a
/// public member its PublicAPI list lacks, and with the rule's IDE id once it breaks the style.
/// </summary>
public sealed class BuildGuardTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // Exactly the files that decide how code under src/ builds; a change to any of them is what this guards.
    private static readonly string[] RepositorySettings =
    [
        "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "eng/Shipped.props", "src/Directory.Build.props",
    ];

    private const string Listed = """
        namespace Probe;

        /// <summary>A library whose public API is listed.</summary>
        public sealed class Gauge
        {
            private readonly int _reading = 1;

            /// <summary>The one listed member.</summary>
            public int Read() => _reading;
        }

        """;

    private const string ListedApi = """
        #nullable enable
        Probe.Gauge
        Probe.Gauge.Gauge() -> void
        Probe.Gauge.Read() -> int

        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pac-build-guard-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Shipped_code_fails_to_build_on_an_unlisted_public_member_and_on_a_style_violation()
    {
        var repo = PackedFeed.FindRepoRoot();
        foreach (var file in RepositorySettings)
        {
            var target = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(repo, file), target);
        }

        var project = Path.Combine(_root, "src", "Probe");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>true</IsPackable>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(project, "PublicAPI.Shipped.txt"), "#nullable enable\n");
        File.WriteAllText(Path.Combine(project, "PublicAPI.Unshipped.txt"), ListedApi);
        File.WriteAllText(Path.Combine(project, "Gauge.cs"), Listed);

        // Offline: the analyser package comes from the machine's package folder, where building src/ put it.
        var noFeed = Path.Combine(_root, "no-feed");
        Directory.CreateDirectory(noFeed);
        var restore = Run(project, "restore", "--source", noFeed);
        Assert.True(restore.Succeeded, restore.Describe());

        var clean = Run(project, "build", "--no-restore");
        Assert.True(clean.Succeeded, "The listed, well-styled library should build. " + clean.Describe());

        File.WriteAllText(Path.Combine(project, "Gauge.cs"), Listed.Replace(
            "    public int Read() => _reading;\n",
            "    public int Read() => _reading;\n\n    /// <summary>Not in PublicAPI.Unshipped.txt.</summary>\n    public int Reset() => _reading - 1;\n",
            StringComparison.Ordinal));
        var unlisted = Run(project, "build", "--no-restore");
        Assert.False(unlisted.Succeeded, "A public member missing from PublicAPI.Unshipped.txt must fail the build. " + unlisted.Describe());
        Assert.Contains("error RS0016", unlisted.Output, StringComparison.Ordinal);
        Assert.Contains("Probe.Gauge.Reset() -> int", unlisted.Output, StringComparison.Ordinal);

        // Back to the listed API, with one style violation: a using nothing needs (IDE0005).
        File.WriteAllText(Path.Combine(project, "Gauge.cs"), "using System.Text;\n\n" + Listed);
        var styled = Run(project, "build", "--no-restore");
        Assert.False(styled.Succeeded, "A style violation must fail the build of shipped code. " + styled.Describe());
        Assert.Contains("error IDE0005", styled.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("RS0016", styled.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private CommandResult Run(string directory, params string[] arguments)
    {
        var result = DotNet.Run(directory, Timeout, new Dictionary<string, string>(), arguments);
        output.WriteLine($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}
