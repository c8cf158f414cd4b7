using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Tool;

/// <summary>Writes what <c>pac replay</c> found as text (tables; plain when redirected) or JSON, ending with the summary line.</summary>
internal static class ReplayReport
{
    public static void WriteText(TextWriter output, Terminal terminal, LoadedPolicy policy, IReadOnlyList<string> files, ReplayResult result)
    {
        output.Write(UntrustedText.Escape($"pac replay: {result.Records:N0} records of {string.Join(", ", files)} under {policy.Registry.Name} ({policy.Path})") + "\n");
        output.Write(UntrustedText.Escape("written under " + Versions(result)) + "\n");

        output.Write($"\nResolutions: {Count(result.ResolutionsMoved, result.Resolutions)} moved ({result.ResolutionsNarrower:N0} narrower, {result.ResolutionsWider:N0} wider)\n");
        Moves(output, terminal, result.Moves.Values, "dimension", "bound");

        var decisionsMoved = result.DecisionsNarrower + result.DecisionsWider;
        output.Write($"\nDecisions: {Count(decisionsMoved, result.Decisions)} moved ({result.DecisionsNarrower:N0} allowed to refused, {result.DecisionsWider:N0} refused to allowed)\n");
        Moves(output, terminal, result.DecisionMoves.Values, "rule", "hazards");

        if (result.ResolutionsApproximate + result.DecisionsApproximate > 0)
        {
            output.Write($"\nRedacted: {result.ResolutionsApproximate:N0} resolutions and {result.DecisionsApproximate:N0} decisions were replayed with their recorded effective value standing in for a redacted request; a change they show is real, but a request above an old bound that a new bound would let through cannot be seen.\n");
        }

        if (result.BadLines > 0)
        {
            output.Write($"\nUnreadable lines: {result.BadLines:N0} (skipped)\n");
            foreach (var (file, line, error) in result.BadLineExamples)
            {
                output.Write(UntrustedText.Escape($"  {file}:{line}: {error}") + "\n");
            }
        }

        output.Write("\n" + Summary(result) + "\n");
    }

    public static void WriteJson(TextWriter output, LoadedPolicy policy, IReadOnlyList<string> files, ReplayResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("policy", policy.Registry.Name);
            w.WriteString("assembly", policy.Path);
            w.WriteStartArray("files");
            files.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteNumber("records", result.Records);
            w.WriteStartObject("versions");
            foreach (var (version, count) in result.Versions)
            {
                w.WriteNumber(version, count);
            }

            w.WriteEndObject();
            w.WriteStartObject("resolutions");
            w.WriteNumber("total", result.Resolutions);
            w.WriteNumber("moved", result.ResolutionsMoved);
            w.WriteNumber("narrower", result.ResolutionsNarrower);
            w.WriteNumber("wider", result.ResolutionsWider);
            w.WriteNumber("redacted", result.ResolutionsApproximate);
            w.WriteEndObject();
            w.WriteStartObject("decisions");
            w.WriteNumber("total", result.Decisions);
            w.WriteNumber("moved", result.DecisionsNarrower + result.DecisionsWider);
            w.WriteNumber("narrower", result.DecisionsNarrower);
            w.WriteNumber("wider", result.DecisionsWider);
            w.WriteNumber("redacted", result.DecisionsApproximate);
            w.WriteEndObject();
            Groups(w, "moves", "dimension", "bound", result.Moves.Values);
            Groups(w, "decisionMoves", "rule", "hazards", result.DecisionMoves.Values);
            w.WriteNumber("badLines", result.BadLines);
            w.WriteStartArray("badLineExamples");
            foreach (var (file, line, error) in result.BadLineExamples)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteNumber("line", line);
                w.WriteString("error", error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("widened", result.Widened);
            w.WriteString("summary", Summary(result));
            w.WriteEndObject();
        }

        output.Write(UntrustedText.EscapeKeepingLines(Encoding.UTF8.GetString(buffer.ToArray())) + "\n");
    }

    /// <summary>"this change would have altered 3.2% of 1,000 resolutions (all narrower) and 0 of 400 decisions".</summary>
    public static string Summary(ReplayResult result)
    {
        var share = result.Resolutions == 0 ? 0 : 100.0 * result.ResolutionsMoved / result.Resolutions;
        var decisions = result.DecisionsNarrower + result.DecisionsWider;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"this change would have altered {share:0.0}% of {result.Resolutions:N0} resolutions{Direction(result.ResolutionsNarrower, result.ResolutionsWider)} and {decisions:N0} of {result.Decisions:N0} decisions{Direction(result.DecisionsNarrower, result.DecisionsWider)}");
    }

    private static string Direction(int narrower, int wider) => (narrower, wider) switch
    {
        (0, 0) => string.Empty,
        (_, 0) => " (all narrower)",
        (0, _) => " (all wider)",
        _ => string.Create(CultureInfo.InvariantCulture, $" ({narrower:N0} narrower, {wider:N0} wider)"),
    };

    private static string Count(int moved, int total) => string.Create(CultureInfo.InvariantCulture, $"{moved:N0} of {total:N0}");

    private static string Versions(ReplayResult result) =>
        string.Join(", ", result.Versions.OrderByDescending(v => v.Value).Take(5).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} ({v.Value:N0})")))
        + (result.Versions.Count > 5 ? $" and {result.Versions.Count - 5} more versions" : string.Empty);

    private static IEnumerable<ReplayGroup> Ordered(IEnumerable<ReplayGroup> groups) =>
        groups.OrderByDescending(g => g.Wider).ThenByDescending(g => g.Narrower + g.Wider).ThenBy(g => g.Subject, System.StringComparer.Ordinal).ThenBy(g => g.Cause, System.StringComparer.Ordinal);

    private static void Moves(TextWriter output, Terminal terminal, IEnumerable<ReplayGroup> groups, string subject, string cause)
    {
        var table = new TextTable(subject, cause, "narrower", "wider", "example");
        foreach (var group in Ordered(groups))
        {
            var first = true;
            foreach (var e in group.Examples)
            {
                var example = UntrustedText.Escape($"{e.Id} ({e.Where}): {e.From} -> {e.To}");
                table.Add(first ? group.Subject : string.Empty, first ? group.Cause : string.Empty, first ? N(group.Narrower) : string.Empty, first ? N(group.Wider) : string.Empty, example);
                first = false;
            }
        }

        if (table.Count > 0)
        {
            table.Write(output, terminal);
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static void Groups(Utf8JsonWriter w, string name, string subject, string cause, IEnumerable<ReplayGroup> groups)
    {
        w.WriteStartArray(name);
        foreach (var group in Ordered(groups))
        {
            w.WriteStartObject();
            w.WriteString(subject, group.Subject);
            w.WriteString(cause, group.Cause);
            w.WriteNumber("narrower", group.Narrower);
            w.WriteNumber("wider", group.Wider);
            w.WriteStartArray("examples");
            foreach (var e in group.Examples)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("where", e.Where);
                w.WriteString("from", e.From);
                w.WriteString("to", e.To);
                w.WriteString("movement", e.Movement == Movement.Wider ? "wider" : "narrower");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
