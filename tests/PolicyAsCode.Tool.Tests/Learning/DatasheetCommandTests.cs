using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Learning;
using Xunit;

namespace PolicyAsCode.Tool.Tests.Learning;

/// <summary>Issue 18, point 5: <c>pac datasheet</c> describes an export, suppressing every bucket of fewer than k people.</summary>
public sealed class DatasheetCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pac-datasheet-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Export()
    {
        // 24 consenting people in EU (one of them a heavy contributor), 4 in US, and 5 who never consented.
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 33).SelectMany(p => Enumerable.Range(0, p == 0 ? 20 : 1).Select(e => new FeedbackEvent(
            $"e{p}-{e}", $"user{p}", now.AddMinutes(-e), [new DimensionNudge("Verbosity", FeedbackDirection.Lower, "too long")], -1,
            Jurisdiction: p < 24 ? "EU" : "US",
            FactsKnown: Fact.ConsentsToFeedbackTraining, FactsHolding: p < 28 ? Fact.ConsentsToFeedbackTraining : Fact.None))).ToList();
        var path = Path.Combine(_directory, "export.jsonl");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            Assert.Equal(20 + 27, FeedbackExport.Write(writer, events, new FeedbackExportOptions(Encoding.UTF8.GetBytes("sixteen bytes at least, surely"))));
        }

        return path;
    }

    [Fact]
    public void Markdown_counts_people_and_suppresses_the_small_jurisdiction()
    {
        var run = PacRun.Of("datasheet", Export());

        Assert.Equal((PacApp.Ok, string.Empty), (run.ExitCode, run.Error));
        Assert.Contains("| people | 28 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| records | 47 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| EU | 24 | 43 |", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("| US |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| share of records from the top 1% of contributors | 42.6% |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_with_a_higher_k_suppresses_more_and_writes_to_a_file()
    {
        var target = Path.Combine(_directory, "sheet.json");
        var run = PacRun.Of("datasheet", Export(), "--format", "json", "--k", "30", "-o", target);

        Assert.Equal((PacApp.Ok, string.Empty), (run.ExitCode, run.Output));
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal(30, json.RootElement.GetProperty("k").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("people").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("jurisdictions").GetArrayLength());
    }

    [Fact]
    public void A_file_that_is_not_an_export_is_bad_input()
    {
        var path = Path.Combine(_directory, "bad.jsonl");
        File.WriteAllText(path, "{\"user\":\"a\"}\n");

        var run = PacRun.Of("datasheet", path);

        Assert.Equal(PacApp.BadInput, run.ExitCode);
        Assert.Contains("line 1 is not a feedback record", run.Error, StringComparison.Ordinal);
        Assert.Equal(PacApp.BadInput, PacRun.Of("datasheet", Export(), "--k", "0").ExitCode);
    }
}
