using System;
using System.IO;
using System.Linq;
using System.Reflection;

using PolicyAsCode.TestSupport;

namespace PolicyAsCode.Integration.Tests.Infrastructure;

/// <summary>Where the repository, its sample and the built runtime library are, from a test's point of view.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding <c>PolicyAsCode.sln</c>, found by walking up from the test's output folder.</summary>
    public static string RepoRoot => RepositoryRoot.Path;

    /// <summary>The QuickStart sample.</summary>
    public static string QuickStart => Path.Combine(RepoRoot, "samples", "QuickStart");

    public static string RuntimeProject => Path.Combine(RepoRoot, "src", "PolicyAsCode", "PolicyAsCode.csproj");

    public static string GeneratorProject => Path.Combine(RepoRoot, "generators", "PolicyAsCode.Generators", "PolicyAsCode.Generators.csproj");

    public static string AnalyzerProject => Path.Combine(RepoRoot, "analyzers", "PolicyAsCode.Analyzers", "PolicyAsCode.Analyzers.csproj");

    /// <summary>The configuration this test assembly was built in (Debug, Release); the projects it references were built in it too.</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value
        ?? "Debug";

    /// <summary>
    /// The runtime library the test compilations reference. The project copies it to <c>runtime/</c> of the output
    /// folder (it is a project reference that is not referenced as an assembly, see the .csproj).
    /// </summary>
    public static string RuntimeAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "runtime", "PolicyAsCode.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The runtime library was not copied to {path}. Build this test project so that its CopyPolicyAsCodeRuntime target runs.",
                    path);
            }

            return path;
        }
    }
}
