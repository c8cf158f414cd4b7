using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using PolicyAsCode.Distribution.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Distribution.Tests;

/// <summary>The <c>pac</c> tool package: its layout, and <c>dotnet tool install</c> from the temporary feed.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ToolPackageTests(PackedFeed feed, ITestOutputHelper output)
{
    private const string ToolFolder = "tools/net10.0/any/";

    [Fact]
    public void Tool_package_holds_pac_its_dependencies_and_the_tool_settings_under_tools_net100_any()
    {
        using var package = ZipFile.OpenRead(feed.ToolPackage);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var file in new[] { "pac.dll", "pac.runtimeconfig.json", "pac.deps.json", "DotnetToolSettings.xml", "PolicyAsCode.dll", "System.CommandLine.dll", "Spectre.Console.dll", "pac.md" })
        {
            Assert.Contains(ToolFolder + file, entries);
        }

        Assert.Contains("README.md", entries);
        var outside = entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal) && !e.StartsWith(ToolFolder, StringComparison.Ordinal));
        Assert.Empty(outside);

        // The generator and analysers belong to the PolicyAsCode package; tests and samples to no package.
        Assert.DoesNotContain(entries, e => e.Contains("Generators", StringComparison.Ordinal) || e.Contains("Analyzers", StringComparison.Ordinal)
            || e.Contains("Test", StringComparison.OrdinalIgnoreCase) || e.Contains("QuickStart", StringComparison.OrdinalIgnoreCase));

        using var settings = package.GetEntry(ToolFolder + "DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("pac", (string?)command.Attribute("Name"));
        Assert.Equal("pac.dll", (string?)command.Attribute("EntryPoint"));
        Assert.Equal("dotnet", (string?)command.Attribute("Runner"));
    }

    [Fact]
    public void Tool_package_metadata_names_a_dotnet_tool_with_licence_and_readme()
    {
        using var package = ZipFile.OpenRead(feed.ToolPackage);
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        string? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("PolicyAsCode.Tool", Element("id"));
        Assert.Equal(feed.Version, Element("version"));
        Assert.Equal("README.md", Element("readme"));
        Assert.Equal("MIT", Element("license"));
        Assert.False(string.IsNullOrWhiteSpace(Element("description")));
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
    }

    [Fact]
    public async Task Tool_installs_from_the_feed_and_prints_its_help()
    {
        var tools = feed.NewFolder("tool-path");
        var packages = feed.NewFolder("tool-packages");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        var install = DotNet.Run(feed.Root, PackedFeed.PackTimeout, isolated,
            "tool", "install", "PolicyAsCode.Tool", "--version", feed.Version, "--tool-path", tools, "--add-source", feed.Feed);
        output.WriteLine(install.Describe());
        Assert.True(install.Succeeded, install.Describe());

        var pac = Path.Combine(tools, OperatingSystem.IsWindows() ? "pac.exe" : "pac");
        Assert.True(File.Exists(pac), $"no {pac} after the install");
        var start = new ProcessStartInfo(pac, "--help") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        }

        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var help = await process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = await process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"pac --help exited {process.ExitCode}: {help}{errors}");
        foreach (var command in new[] { "card", "schema", "resolve", "diff" })
        {
            Assert.Contains(command, help);
        }

        feed.Report($"dotnet tool install PolicyAsCode.Tool {feed.Version}: {install.Elapsed.TotalSeconds:F1} s; pac --help lists card, schema, resolve, diff");
    }
}
