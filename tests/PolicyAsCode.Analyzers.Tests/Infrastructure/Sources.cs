using System;
using System.IO;

namespace PolicyAsCode.Analyzers.Tests.Infrastructure;

/// <summary>Source the tests share, and the repository they run in.</summary>
internal static class Sources
{
    /// <summary>The dimension types every test policy uses; added to every test as /0/Dimensions.cs.</summary>
    public const string Dimensions = """
        using System;

        namespace Demo
        {
            public enum Maturity { General, Teen, Mature }

            public enum Tone { Neutral, Friendly, Playful, Sarcastic }

            [Flags]
            public enum Topics { None = 0, Science = 1, History = 2, Politics = 4, Romance = 8 }
        }
        """;

    /// <summary>The folder holding PolicyAsCode.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyAsCode.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyAsCode.sln not found above " + AppContext.BaseDirectory);
    }
}
