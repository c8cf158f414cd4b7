using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using PolicyAsCode.TestSupport;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PolicyAsCode.Distribution.Tests.Infrastructure;

/// <summary>
/// Packs PolicyAsCode, PolicyAsCode.Runtime, PolicyAsCode.Extensions.AI, PolicyAsCode.AspNetCore, PolicyAsCode.EntityFrameworkCore, PolicyAsCode.Testing, PolicyAsCode.Templates and PolicyAsCode.Tool from this repository's sources into a temporary feed, once for all the
/// tests of the <see cref="PackedFeedCollection"/>. The build happens in a temporary artifacts folder (Release, as
/// eng/pack.sh builds), never in the repository's bin/obj. Each run gets a version of its own
/// (<c>0.1.0-e2e.&lt;time&gt;.&lt;pid&gt;</c>), so no package cache can hand back a stale package of the same version.
/// Everything lives under <see cref="Root"/>, deleted afterwards (set PAC_KEEP_E2E=1 to keep it).
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>Generous: a cold Release build of the runtime and the three Roslyn projects on a busy two-core machine.</summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private readonly IMessageSink _sink;

    public PackedFeed(IMessageSink sink)
    {
        _sink = sink;
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "pac-dist-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

        var watch = Stopwatch.StartNew();
        Pack("src/PolicyAsCode/PolicyAsCode.csproj");
        Pack("src/PolicyAsCode.Runtime/PolicyAsCode.Runtime.csproj");
        Pack("src/PolicyAsCode.Extensions.AI/PolicyAsCode.Extensions.AI.csproj");
        Pack("src/PolicyAsCode.AspNetCore/PolicyAsCode.AspNetCore.csproj");
        Pack("src/PolicyAsCode.EntityFrameworkCore/PolicyAsCode.EntityFrameworkCore.csproj");
        Pack("src/PolicyAsCode.Testing/PolicyAsCode.Testing.csproj");
        Pack("templates/PolicyAsCode.Templates/PolicyAsCode.Templates.csproj");
        Pack("tools/PolicyAsCode.Tool/PolicyAsCode.Tool.csproj");
        PackSeconds = watch.Elapsed.TotalSeconds;
        Report($"packed the eight packages {Version} into {Feed} in {PackSeconds:F1} s");

        string[] packages = [RuntimePackage, EngineRuntimePackage, ExtensionsAIPackage, AspNetCorePackage, EntityFrameworkCorePackage, TestingPackage, TemplatesPackage, ToolPackage];
        if (!packages.All(File.Exists))
        {
            throw new InvalidOperationException($"dotnet pack did not write {string.Join(", ", packages)}; the feed holds: "
                + string.Join(", ", Directory.GetFiles(Feed).Select(Path.GetFileName)));
        }
    }

    /// <summary>The root of this repository (where PolicyAsCode.sln is).</summary>
    public string RepoRoot { get; }

    /// <summary>The temporary folder holding the feed, the build artifacts and whatever the tests create.</summary>
    public string Root { get; }

    /// <summary>The temporary feed: a folder of .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>The version both packages were packed with.</summary>
    public string Version { get; }

    /// <summary>How long packing took.</summary>
    public double PackSeconds { get; }

    public string RuntimePackage => Path.Combine(Feed, $"PolicyAsCode.{Version}.nupkg");

    /// <summary>PolicyAsCode.Runtime (engine, overlays, telemetry, DI); <see cref="RuntimePackage"/> is the core library.</summary>
    public string EngineRuntimePackage => Path.Combine(Feed, $"PolicyAsCode.Runtime.{Version}.nupkg");

    public string ExtensionsAIPackage => Path.Combine(Feed, $"PolicyAsCode.Extensions.AI.{Version}.nupkg");

    public string AspNetCorePackage => Path.Combine(Feed, $"PolicyAsCode.AspNetCore.{Version}.nupkg");

    public string EntityFrameworkCorePackage => Path.Combine(Feed, $"PolicyAsCode.EntityFrameworkCore.{Version}.nupkg");

    public string TestingPackage => Path.Combine(Feed, $"PolicyAsCode.Testing.{Version}.nupkg");

    public string TemplatesPackage => Path.Combine(Feed, $"PolicyAsCode.Templates.{Version}.nupkg");

    public string ToolPackage => Path.Combine(Feed, $"PolicyAsCode.Tool.{Version}.nupkg");

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Says something in the test run's output (an xunit diagnostic message, shown by <c>dotnet test</c>).</summary>
    public void Report(string message, ITestOutputHelper? output = null)
    {
        _sink.OnMessage(new DiagnosticMessage("[distribution] " + message));
        output?.WriteLine(message);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PAC_KEEP_E2E") == "1")
        {
            Report($"kept {Root} (PAC_KEEP_E2E=1)");
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Pack(string project)
    {
        var result = DotNet.Run(
            RepoRoot,
            PackTimeout,
            null,
            "pack", Path.Combine(RepoRoot, project),
            "-c", "Release",
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:PackageOutputPath={Feed}{Path.DirectorySeparatorChar}",
            $"-p:Version={Version}");
        Report($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Packing failed. " + result.Describe());
        }
    }

    internal static string FindRepoRoot()
    {
        var fromBuild = typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (fromBuild is { Length: > 0 } && File.Exists(Path.Combine(fromBuild, "PolicyAsCode.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        return RepositoryRoot.Path;
    }
}

/// <summary>The tests that share one packed feed; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
