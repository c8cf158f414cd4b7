using System;
using System.IO;
using PolicyAsCode.TestSupport;
using Xunit;

namespace PolicyAsCode.Documents.Tests.Support;

/// <summary>
/// Compares a document with its expected file under <c>Snapshots/</c> of this project's source folder. With
/// <c>POLICYASCODE_UPDATE_SNAPSHOTS=1</c> it rewrites the file instead; review the diff before committing it.
/// (The same approach as tests/PolicyAsCode.Generators.Tests/Infrastructure/Snapshot.cs, one file per document.)
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = SnapshotText.UpdateVariable;

    public static bool Updating => SnapshotText.Updating;

    public static string Folder => Path.Combine(RepoPaths.RepoRoot, "tests", "PolicyAsCode.Tests", "Documents", "Snapshots");

    public static void Verify(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            SnapshotText.Write(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} does not exist; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var difference = SnapshotText.FirstDifference(SnapshotText.Normalise(File.ReadAllText(path)), SnapshotText.Normalise(actual));
        if (difference is not null)
        {
            Assert.Fail($"{fileName} differs from its snapshot: {difference}{Environment.NewLine}"
                + $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff of {path}.");
        }
    }
}

/// <summary>Where the repository is, from a test's point of view.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding <c>PolicyAsCode.sln</c>.</summary>
    public static string RepoRoot => RepositoryRoot.Path;
}
