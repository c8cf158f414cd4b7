using System;
using System.IO;

using PolicyAsCode.TestSupport;

namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>Where the repository, its sample policies and the built runtime library are, from a test's point of view.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding <c>PolicyAsCode.sln</c>, found by walking up from the test's output folder.</summary>
    public static string RepoRoot => RepositoryRoot.Path;

    /// <summary>This test project's source folder (snapshots are written here, not to bin).</summary>
    public static string TestProject => Path.Combine(RepoRoot, "tests", "PolicyAsCode.Generators.Tests");

    /// <summary>The folder of expected generator output.</summary>
    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    /// <summary>The QuickStart sample's policy sources.</summary>
    public static string QuickStartPolicies => Path.Combine(RepoRoot, "samples", "QuickStart", "Policies");

    /// <summary>
    /// The runtime library the generated code compiles against. The project copies it to <c>runtime/</c> of the
    /// output folder (it is a project reference that is not referenced as an assembly, see the .csproj).
    /// </summary>
    public static string RuntimeAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "runtime", "PolicyAsCode.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The runtime library was not copied to {path}. Build the test project (dotnet build PolicyAsCode.sln) so that its CopyPolicyAsCodeRuntime target runs.",
                    path);
            }

            return path;
        }
    }
}
