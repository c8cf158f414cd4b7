using System;
using System.Collections.Generic;
using System.IO;
using PolicyAsCode.Records;

namespace PolicyAsCode.Tool;

/// <summary>
/// How <c>pac replay</c> and <c>pac report</c> read decision-record files, so both treat bad input alike: a missing,
/// unreadable or directory path, a record of another policy (its file and line named), or files holding no line or no
/// readable record are bad input (exit 2); a line that is not a record, or that a command cannot use, is skipped,
/// counted and a few are kept as examples to print.
/// </summary>
internal sealed class RecordFiles(PolicyRegistry registry, IReadOnlyList<string> files, string verb)
{
    /// <summary>How many skipped lines are kept to show.</summary>
    public const int MaxBadLineExamples = 5;

    private readonly List<(string File, long Line, string Error)> _badLineExamples = [];

    /// <summary>Every line read, records or not.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines skipped: not a record, or a record the command could not use.</summary>
    public int BadLines { get; private set; }

    /// <summary>The first few lines skipped, with why.</summary>
    public IReadOnlyList<(string File, long Line, string Error)> BadLineExamples => _badLineExamples;

    /// <summary>
    /// Each record of the policy, in file order then line order; lines that are not records are counted as bad.
    /// </summary>
    /// <exception cref="PacInputException">A file cannot be read, or a record is of another policy.</exception>
    public IEnumerable<(string File, long Line, DecisionRecord Record)> Read()
    {
        foreach (var file in files)
        {
            using var stream = Open(file);
            using var reader = DecisionRecordJson.ReadLines(stream).GetEnumerator();
            while (Next(reader, file))
            {
                var line = reader.Current;
                Lines++;
                if (line.Record is not { } record)
                {
                    Bad(file, line.Number, line.Error!);
                    continue;
                }

                if (!string.Equals(record.Policy, registry.Name, StringComparison.Ordinal))
                {
                    throw new PacInputException($"{file}:{line.Number}: a record of the policy {record.Policy}, not of {registry.Name}; {verb} records against a version of the policy that wrote them.");
                }

                yield return (file, line.Number, record);
            }
        }
    }

    /// <summary>Counts a skipped line and keeps it as an example while there are few.</summary>
    public void Bad(string file, long line, string error)
    {
        BadLines++;
        if (_badLineExamples.Count < MaxBadLineExamples)
        {
            _badLineExamples.Add((file, line, error));
        }
    }

    /// <summary>Fails when the files held no line, or no record the command could use (<paramref name="used"/>).</summary>
    /// <exception cref="PacInputException">Nothing to work on.</exception>
    public void CheckSomethingRead(int used)
    {
        if (Lines == 0)
        {
            throw new PacInputException($"{string.Join(", ", files)}: no decision records to {verb}.");
        }

        if (used == 0)
        {
            var (file, number, error) = _badLineExamples[0];
            throw new PacInputException($"{string.Join(", ", files)}: none of the {Lines} lines is a decision record pac can read (line {number} of {file}: {error}).");
        }
    }

    private static FileStream Open(string file)
    {
        if (Directory.Exists(file))
        {
            throw new PacInputException($"{file}: is a directory, not a decision-record file.");
        }

        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PacInputException(e is FileNotFoundException or DirectoryNotFoundException ? $"{file}: no such decision-record file." : $"{file}: the decision-record file could not be read: {e.Message}", e);
        }
    }

    private static bool Next(IEnumerator<DecisionRecordLine> reader, string file)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (IOException e)
        {
            throw new PacInputException($"{file}: the decision-record file could not be read: {e.Message}", e);
        }
    }
}
