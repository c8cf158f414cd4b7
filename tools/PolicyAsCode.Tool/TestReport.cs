using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyAsCode.Testing;

namespace PolicyAsCode.Tool;

/// <summary>
/// What <c>pac test</c> prints: a line per case (and for a failure, what differed and what the policy did), a count,
/// and with <c>--coverage</c> the kit's coverage summary and a table of the rules never exercised. Every case is read
/// and checked against the policy before any runs, so a bad file fails the command (exit 2) and never half a run.
/// </summary>
internal static class TestReport
{
    /// <returns>Whether every case passed.</returns>
    public static bool Write(TextWriter output, Terminal terminal, LoadedPolicy loaded, IReadOnlyList<string> files, bool withCoverage)
    {
        var registry = loaded.Registry;
        var cases = new List<PolicyCase>();
        try
        {
            foreach (var file in files)
            {
                cases.AddRange(PolicyCaseFile.ReadAt(file, file));
            }

            foreach (var c in cases)
            {
                PolicyCaseRunner.Check(registry, c);
            }
        }
        catch (PolicyCaseException e)
        {
            throw new PacInputException("unreadable case file: " + e.Message);
        }

        output.Write($"pac test: {UntrustedText.Escape(registry.Name)} ({UntrustedText.Escape(Path.GetFileName(loaded.Path))}): "
            + $"{cases.Count} case{(cases.Count == 1 ? string.Empty : "s")} from {UntrustedText.Escape(string.Join(", ", files))}\n\n");

        var coverage = new PolicyCoverage(registry);
        var failed = 0;
        foreach (var c in cases)
        {
            var result = PolicyCaseRunner.Run(registry, c);
            coverage.Add(result);
            failed += result.Passed ? 0 : 1;
            foreach (var line in result.Report().TrimEnd('\n').Split('\n'))
            {
                output.Write(UntrustedText.Escape(line) + "\n");
            }
        }

        output.Write(failed == 0 ? $"\nall {cases.Count} passed.\n" : $"\n{cases.Count - failed} passed, {failed} failed.\n");
        if (withCoverage)
        {
            output.Write("\n" + UntrustedText.Escape(coverage.Summary) + "\n");
            var never = coverage.NeverExercised;
            if (never.Count == 0)
            {
                output.Write("Every rule was exercised.\n");
            }
            else
            {
                output.Write("Never exercised:\n");
                var table = new TextTable("kind", "tier", "rule");
                foreach (var rule in never)
                {
                    table.Add(rule.KindText, rule.Tier, rule.Rule);
                }

                table.Write(output, terminal);
            }
        }

        return failed == 0;
    }
}
