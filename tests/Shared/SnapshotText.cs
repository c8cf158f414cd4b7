using System;
using System.IO;
using System.Text;

namespace PolicyAsCode.TestSupport;

/// <summary>
/// What every snapshot comparison shares: the <c>POLICYASCODE_UPDATE_SNAPSHOTS=1</c> switch that rewrites expected
/// files instead of comparing, line-ending-proof text, and a readable first difference.
/// </summary>
internal static class SnapshotText
{
    /// <summary>The environment variable that, set to 1, makes snapshot tests write their expected files.</summary>
    public const string UpdateVariable = "POLICYASCODE_UPDATE_SNAPSHOTS";

    /// <summary>Whether this run rewrites snapshots rather than comparing with them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The text with LF line endings: a checkout with CRLF line endings must not fail the comparison.</summary>
    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Writes <paramref name="text"/> as an expected file: LF line endings, UTF-8 without a byte order mark.</summary>
    public static void Write(string path, string text) =>
        File.WriteAllText(path, Normalise(text), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Where two texts first differ, by line, or null when they are equal.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e != a)
            {
                return $"first difference at line {i + 1}{Environment.NewLine}"
                    + $"  expected: {e ?? "<end of file>"}{Environment.NewLine}"
                    + $"  actual:   {a ?? "<end of file>"}{Environment.NewLine}"
                    + $"  (expected {expectedLines.Length} lines, actual {actualLines.Length})";
            }
        }

        return "the texts differ in a way no line shows";
    }
}
