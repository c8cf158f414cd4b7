using System;
using System.IO;
using System.Text;
using Xunit;

namespace PolicyAsCode.Documents.Tests.Support;

/// <summary>
/// Compares a document with its expected file under <c>Snapshots/</c> of this project's source folder. With
/// <c>POLICYASCODE_UPDATE_SNAPSHOTS=1</c> it rewrites the file instead; review the diff before committing it.
/// (The same approach as tests/PolicyAsCode.Generators.Tests/Infrastructure/Snapshot.cs, one file per document.)
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "POLICYASCODE_UPDATE_SNAPSHOTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string Folder => Path.Combine(RepoPaths.RepoRoot, "tests", "PolicyAsCode.Documents.Tests", "Snapshots");

    public static void Verify(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, Normalise(actual), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        Assert.True(File.Exists(path), $"{path} does not exist; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var difference = FirstDifference(Normalise(File.ReadAllText(path)), Normalise(actual));
        if (difference is not null)
        {
            Assert.Fail($"{fileName} differs from its snapshot: {difference}{Environment.NewLine}"
                + $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff of {path}.");
        }
    }

    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"first difference at line {i + 1}{Environment.NewLine}  expected: {left}{Environment.NewLine}  actual:   {right}";
            }
        }

        return "the texts differ in a way no line shows";
    }

    // A checkout with CRLF line endings must not fail the comparison.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>Where the repository is, from a test's point of view.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyAsCode.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds PolicyAsCode.sln.");
    });

    /// <summary>The folder holding <c>PolicyAsCode.sln</c>.</summary>
    public static string RepoRoot => Root.Value;
}
