using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac report &lt;assembly&gt; &lt;records.jsonl&gt;...</c>: how a population personalised over the period the decision
/// records cover, counted by the same aggregation live monitoring uses (<see cref="PersonalisationAggregates"/>) with its
/// k-anonymity threshold applied: a self-contained HTML page with charts, or Markdown. Exit 0, or 2 for bad input.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, Option<string?> policy)
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The policy assembly whose policy wrote the records (.dll)." };
        var records = new Argument<FileInfo[]>("records") { Description = "Decision-record files (JSON Lines), as AddDecisionRecords writes them; several (rotated) files are read in the order given.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "html (one self-contained page with charts) or markdown.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "markdown");
        var threshold = new Option<int>("--threshold", "-k") { Description = $"The fewest times a bucket must be seen to be shown (k-anonymity); default {PersonalisationAggregates.DefaultThreshold}, as live monitoring.", DefaultValueFactory = _ => PersonalisationAggregates.DefaultThreshold };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--threshold must be at least 1.");
            }
        });
        var top = new Option<int>("--top") { Description = "How many rows the busiest bounds and refusals show; default 10.", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--top must be at least 1.");
            }
        });
        var file = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("report", "Report how users personalised over the period decision records cover: per dimension requested and effective values, the share held at each bound, waivers, refusals per hazard and tier, the busiest bounds and refusals; only counts seen at least --threshold times.") { assembly, records, format, threshold, top, file, policy };
        command.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            var files = r.GetValue(records)!.Select(f => f.ToString()).ToList();
            var period = RecordAggregation.Read(loaded.Registry, files);
            var report = ReportContent.Build(loaded.Registry, period, r.GetValue(threshold), r.GetValue(top));
            var html = r.GetValue(format) == "html";
            var text = new StringWriter();
            if (html)
            {
                HtmlReport.Write(text, report);
            }
            else
            {
                MarkdownReport.Write(text, report);
            }

            if (r.GetValue(file) is { } target)
            {
                Write(target.ToString(), text.ToString());
            }
            else
            {
                output.Write(text.ToString());
            }

            return PacApp.Ok;
        });
        return command;
    }

    private static void Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
        {
            throw new PacInputException($"{path}: the report could not be written: {e.Message}", e);
        }
    }
}
