using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace PolicyAsCode.Tool.Tests.Report;

/// <summary>
/// <c>pac report</c> on decision records the Assistant sample's runtime wrote (ten resolutions, sixteen decisions) plus
/// one hostile resolution and one hostile bad line: every count shown is checked against a count made here from the
/// JSON, buckets under the threshold are checked absent, and strings from the records are checked escaped.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed partial class ReportTests(PolicyAssemblies policies, AssistantRecords assistant) : IClassFixture<AssistantRecords>
{
    private readonly ReportRecords _records = new(assistant);

    [Fact]
    public void The_html_report_counts_what_the_records_hold()
    {
        const int k = 2;
        var html = Html(k);

        var times = _records.Records.Select(r => DateTimeOffset.Parse((string)r["time"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains($"<dt>Period</dt><dd>{Time(times.Min())} to {Time(times.Max())}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Resolutions</dt><dd>{_records.Resolutions.Count()}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Decisions</dt><dd>{_records.Records.Count - _records.Resolutions.Count()}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Records</dt><dd>{_records.Records.Count} of {_records.Records.Count + 1} lines (1 skipped)</dd>", html, StringComparison.Ordinal);
        var version = (string)_records.Records[0]["version"]!;
        Assert.Contains($"{version} ({_records.Records.Count - 1} records)", html, StringComparison.Ordinal);

        // Jurisdictions: EU and US reach the threshold; the hostile record's "none" (once) does not.
        var jurisdictions = _records.Resolutions.GroupBy(ReportRecords.Jurisdiction).Where(g => g.Count() >= k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["EU", "US"], jurisdictions.Keys.Order());
        Assert.Equal(
            jurisdictions.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => $"{j.Key}|{j.Value}"),
            ReportRecords.Rows(html, "Resolutions by jurisdiction").Select(r => $"{r[0]}|{r[1]}"));

        foreach (var (title, json) in new[] { ("Maturity", "maturity"), ("Tone", "tone"), ("Language", "language"), ("DiscloseAi", "discloseAi") })
        {
            AssertValueRows(html, title, json, k);
        }

        var memory = ReportRecords.Rows(html, "MemoryDays");
        Assert.Contains(["EU", "14", "-", "3"], memory);
        Assert.Contains(["US", "0", "-", "3"], memory);

        // Held at each bound: every bound that held at least k resolutions, with its count, and no other.
        var held = ReportRecords.Rows(html, "Held at each bound");
        var clamps = _records.Clamps().Where(c => c.Value >= k).ToDictionary();
        Assert.NotEmpty(clamps);
        Assert.Equal(clamps.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}|{c.Value}"), held.Select(r => $"{r[2]}|{r[5]}").Order(StringComparer.Ordinal));
        var resolutions = _records.Resolutions.Count();
        Assert.All(held, r => Assert.Equal((100.0 * int.Parse(r[5], CultureInfo.InvariantCulture) / resolutions).ToString("0.0", CultureInfo.InvariantCulture) + "%", r[6]));

        // Refusals per hazard and tier, against the refused decisions' hazards.
        var refusals = _records.RefusalCounts().Where(c => c.Value >= k).ToDictionary();
        Assert.Equal(2, refusals.Count);
        var refusalRows = ReportRecords.Rows(html, "Refusals per hazard and tier");
        Assert.Equal(refusals.Select(r => $"{r.Key.Hazard}|{r.Value}").Order(StringComparer.Ordinal), refusalRows.Select(r => $"{r[0]}|{r[3]}").Order(StringComparer.Ordinal));
        Assert.Contains(refusalRows, r => r[0] == "S12" && r[2] == "law of EU");

        // The busiest tables: the same counts, most first.
        var busiest = ReportRecords.Rows(html, "Busiest bounds (top 10)").Select(r => long.Parse(r[5], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(busiest);
        Assert.Equal(busiest.OrderDescending(), busiest);
        Assert.Equal(refusalRows.Count, ReportRecords.Rows(html, "Busiest refusals (top 10)").Count);

        // One chart per dimension with a bucket shown, one for the bounds held and one for refusals.
        Assert.Equal(ChartsExpected(html), Regex.Count(html, "<svg[ >]"));
    }

    [Fact]
    public void Buckets_under_the_threshold_are_left_out_and_only_counted()
    {
        var three = Html(3);
        var ten = PacRun.Of("report", policies.QuickStart, _records.Path);

        // EU minors asked for Mature twice: shown at k=2, not at k=3. Refusals (twice each) go at k=3.
        Assert.Contains(["EU", "Mature", "2", "-"], ReportRecords.Rows(Html(2), "Maturity"));
        Assert.DoesNotContain(ReportRecords.Rows(three, "Maturity"), r => r[1] == "Mature");
        Assert.Empty(ReportRecords.Rows(three, "Refusals per hazard and tier"));
        Assert.All(ReportRecords.Rows(three, "Maturity"), r => Assert.True(r[2..].All(c => c == "-" || int.Parse(c, CultureInfo.InvariantCulture) >= 3), string.Join("|", r)));

        // At the default threshold (10) only the totals reach it: 11 resolutions, 16 decisions; no bucket is shown.
        Assert.True(ten.ExitCode == 0, ten.ToString());
        Assert.Contains("<dt>Resolutions</dt><dd>11</dd>", ten.Output, StringComparison.Ordinal);
        Assert.Contains("<dt>Threshold</dt><dd>a count is shown once at least 10</dd>", ten.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<td", ten.Output.Split("Skipped lines")[0], StringComparison.Ordinal);
        Assert.Contains("No bucket of this dimension reached the threshold.", ten.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", ten.Output, StringComparison.Ordinal);

        // The withheld line counts buckets only: none at k=1, more the higher k is.
        Assert.Equal(0, Withheld(Html(1)));
        Assert.True(Withheld(Html(2)) > 0);
        Assert.True(Withheld(three) > Withheld(Html(2)));
        Assert.True(Withheld(ten.Output) > Withheld(three));
    }

    [Fact]
    public void Every_string_from_the_records_is_escaped_and_nothing_is_loaded()
    {
        var html = Html(2);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, @"url\(([^)]*)\)").Select(m => m.Groups[1].Value), target => Assert.StartsWith("#", target, StringComparison.Ordinal));
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"", html, StringComparison.Ordinal);

        // The hostile version is shown as text, its terminal escape as \u001b; the hostile kind in the skipped line's error.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\u001b[2J (1 record)", html, StringComparison.Ordinal);
        Assert.Contains("&quot;kind&quot; is &quot;&lt;i onclick=alert(3)&gt;kind&lt;/i&gt;&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);

        // A jurisdiction or a property no policy knows is never shown at all: it counts under "none", or not at all.
        Assert.DoesNotContain("alert(2)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(4)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(5)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_has_the_same_tables_and_text_bars()
    {
        var html = Html(2);
        var markdown = PacRun.Of("report", policies.QuickStart, _records.Path, "--threshold", "2", "--format", "markdown");

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.StartsWith("# Personalisation report: QuickStart.Policies.LearnerPreferences\n", markdown.Output, StringComparison.Ordinal);
        foreach (var section in new[] { "Maturity", "Held at each bound", "Refusals per hazard and tier", "Busiest bounds (top 10)" })
        {
            var rows = ReportRecords.Rows(html, section);
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Contains("| " + string.Join(" | ", row.Select(MarkdownCell)) + " |\n", markdown.Output, StringComparison.Ordinal));
        }

        Assert.Contains("|---|---|---:|---:|\n", markdown.Output, StringComparison.Ordinal);
        // Teen: the EU adults asked for it; they and the EU minors (held at Teen by EU law) got it.
        Assert.Matches($@"\nTeen +requested #+ {AssistantRecords.EuAdults}\n +effective #+ {AssistantRecords.EuAdults + AssistantRecords.EuMinors}\n", markdown.Output);
        Assert.Contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\\\u001b\\[2J", markdown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<", markdown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(2)", markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_dimension_is_withheld_from_the_requested_counts_only()
    {
        var plain = PacRun.Of("report", policies.QuickStart, assistant.Plain, "-k", "2");
        var redacted = PacRun.Of("report", policies.QuickStart, assistant.Redacted, "-k", "2");

        Assert.True(plain.ExitCode == 0 && redacted.ExitCode == 0, plain + "\n" + redacted);
        var withRequests = ReportRecords.Rows(plain.Output, "MemoryDays");
        var withheld = ReportRecords.Rows(redacted.Output, "MemoryDays");
        Assert.Contains(withRequests, r => r[2] != "-");
        Assert.All(withheld, r => Assert.Equal("-", r[2]));
        Assert.Equal(
            withRequests.Where(r => r[3] != "-").Select(r => $"{r[0]}|{r[1]}|{r[3]}"),
            withheld.Select(r => $"{r[0]}|{r[1]}|{r[3]}"));
        Assert.Equal(ReportRecords.Rows(plain.Output, "Maturity"), ReportRecords.Rows(redacted.Output, "Maturity"));
        Assert.Equal(ReportRecords.Rows(plain.Output, "Held at each bound"), ReportRecords.Rows(redacted.Output, "Held at each bound"));
    }

    [Fact]
    public void The_report_is_written_to_a_file_with_output()
    {
        var path = Path.Combine(assistant.Folder, "report.html");
        var run = PacRun.Of("report", policies.QuickStart, _records.Path, "-k", "2", "--output", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(Html(2), File.ReadAllText(path));
    }

    [Fact]
    public void Bad_input_exits_2_naming_the_file_and_line()
    {
        var missing = PacRun.Of("report", policies.QuickStart, Path.Combine(assistant.Folder, "nowhere.jsonl"));
        var empty = PacRun.Of("report", policies.QuickStart, Write("empty.jsonl", ["", " "]));
        var allBad = PacRun.Of("report", policies.QuickStart, Write("all-bad.jsonl", ["garbage", "{}"]));
        var lines = File.ReadAllLines(assistant.Plain);
        lines[3] = lines[3].Replace("\"policy\":\"QuickStart.Policies.LearnerPreferences\"", "\"policy\":\"Other.Policy\"", StringComparison.Ordinal);
        var other = PacRun.Of("report", policies.QuickStart, Write("other.jsonl", lines));
        var zero = PacRun.Of("report", policies.QuickStart, _records.Path, "--threshold", "0");
        var pdf = PacRun.Of("report", policies.QuickStart, _records.Path, "--format", "pdf");
        var folder = PacRun.Of("report", policies.QuickStart, assistant.Folder);

        Assert.Contains("nowhere.jsonl: no such decision-record file.", missing.Error, StringComparison.Ordinal);
        Assert.Contains("no decision records to report", empty.Error, StringComparison.Ordinal);
        Assert.Contains("none of the 2 lines is a decision record pac can read (line 1 of ", allBad.Error, StringComparison.Ordinal);
        Assert.Contains("other.jsonl:4: a record of the policy Other.Policy, not of QuickStart.Policies.LearnerPreferences; report records", other.Error, StringComparison.Ordinal);
        Assert.Contains("--threshold must be at least 1.", zero.Error, StringComparison.Ordinal);
        Assert.Contains("pdf", pdf.Error, StringComparison.Ordinal);
        Assert.Contains("is a directory, not a decision-record file.", folder.Error, StringComparison.Ordinal);
        Assert.All([missing, empty, allBad, other, zero, pdf, folder], r =>
        {
            Assert.True(r.ExitCode == 2, r.ToString());
            Assert.Equal(string.Empty, r.Output);
        });
    }

    private string Html(int threshold)
    {
        var run = PacRun.Of("report", policies.QuickStart, _records.Path, "--threshold", threshold.ToString(CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    // The rows a dimension's table must have: every (jurisdiction, value) requested or granted at least k times, with
    // each side's count, or "-" where that side is under k.
    private void AssertValueRows(string html, string title, string json, int k)
    {
        var counts = _records.Values(json, Label);
        var expected = counts
            .Where(c => c.Value.Requested >= k || c.Value.Effective >= k)
            .Select(c => $"{c.Key.Jurisdiction}|{c.Key.Value}|{Cell(c.Value.Requested, k)}|{Cell(c.Value.Effective, k)}")
            .Order(StringComparer.Ordinal);
        var rows = ReportRecords.Rows(html, title).Select(r => string.Join("|", r)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    private static string Label(JsonNode value) => value.GetValueKind() == JsonValueKind.String ? (string)value! : value.ToJsonString();

    private static string Cell(int count, int k) => count >= k ? count.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static int Withheld(string html) => int.Parse(WithheldPattern().Match(html).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static int ChartsExpected(string html) =>
        new[] { "Maturity", "Tone", "Verbosity", "DiscloseAi", "MemoryDays", "Creativity", "Topics", "Language", "AvoidHazards" }.Count(d => ReportRecords.Rows(html, d).Count > 0)
        + (ReportRecords.Rows(html, "Held at each bound").Count > 0 ? 1 : 0)
        + (ReportRecords.Rows(html, "Refusals per hazard and tier").Count > 0 ? 1 : 0);

    private static string MarkdownCell(string text) => Regex.Replace(text, @"([\\`*_\[\]()|~!#{}])", @"\$1").Replace("<", "&lt;", StringComparison.Ordinal);

    private string Write(string name, string[] lines)
    {
        var path = Path.Combine(assistant.Folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [GeneratedRegex(@"<dt>Withheld</dt><dd>([\d,]+) buckets withheld under the threshold of")]
    private static partial Regex WithheldPattern();
}
