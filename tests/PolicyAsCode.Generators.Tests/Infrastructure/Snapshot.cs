using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyAsCode.TestSupport;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated sources with the expected files under <c>Snapshots/&lt;test&gt;/&lt;hint name&gt;</c> of this
/// project's source folder. With <c>POLICYASCODE_UPDATE_SNAPSHOTS=1</c> it rewrites those files instead
/// (and removes files the generator no longer produces); review the diff before committing it.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = SnapshotText.UpdateVariable;

    public static bool Updating => SnapshotText.Updating;

    public static void Verify(string testName, IReadOnlyList<(string HintName, string Text)> generated)
    {
        var folder = Path.Combine(RepoPaths.Snapshots, testName);
        if (Updating)
        {
            Write(folder, generated);
            return;
        }

        var failures = new List<string>();
        if (!Directory.Exists(folder))
        {
            failures.Add($"no expected files: {folder} does not exist");
        }

        foreach (var (hintName, text) in generated)
        {
            var path = Path.Combine(folder, hintName);
            if (!File.Exists(path))
            {
                failures.Add($"{hintName}: generated, but {path} does not exist");
                continue;
            }

            var difference = FirstDifference(Normalise(File.ReadAllText(path)), Normalise(text));
            if (difference is not null)
            {
                failures.Add($"{hintName}: {difference}");
            }
        }

        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.GetFiles(folder).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!generated.Any(g => g.HintName == name))
                {
                    failures.Add($"{name}: expected, but the generator did not produce it");
                }
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                $"Generated output of {testName} differs from its snapshots:{Environment.NewLine}"
                + string.Join(Environment.NewLine, failures)
                + $"{Environment.NewLine}If the change is intended, rerun with {UpdateVariable}=1 and review the diff of {folder}.");
        }
    }

    /// <summary>Where two texts first differ, by line, or null when they are equal.</summary>
    public static string? FirstDifference(string expected, string actual) => SnapshotText.FirstDifference(expected, actual);

    private static void Write(string folder, IReadOnlyList<(string HintName, string Text)> generated)
    {
        Directory.CreateDirectory(folder);
        foreach (var path in Directory.GetFiles(folder))
        {
            if (!generated.Any(g => g.HintName == Path.GetFileName(path)))
            {
                File.Delete(path);
            }
        }

        foreach (var (hintName, text) in generated)
        {
            SnapshotText.Write(Path.Combine(folder, hintName), text);
        }
    }

    private static string Normalise(string text) => SnapshotText.Normalise(text);
}
