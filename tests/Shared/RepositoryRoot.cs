using System;
using System.IO;

namespace PolicyAsCode.TestSupport;

/// <summary>
/// The folder holding <c>PolicyAsCode.sln</c>, found by walking up from the test's output folder. Shared by every test
/// project (tests/Shared, linked through tests/Directory.Build.props).
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PolicyAsCode.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds PolicyAsCode.sln.");
    }
}
