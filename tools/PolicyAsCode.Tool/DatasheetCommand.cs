using System.CommandLine;
using System.IO;
using System.Text;
using PolicyAsCode.Learning;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac datasheet &lt;export.jsonl&gt;</c>: whose feedback a feedback export holds (<see cref="FeedbackDatasheet"/>): how
/// many people, per jurisdiction and consented attribute, how concentrated, which dimensions it moved; every bucket of
/// fewer than <c>--k</c> people suppressed. Markdown or JSON. Exit 0, or 2 for bad input. It reads no assembly.
/// </summary>
internal static class DatasheetCommand
{
    public static Command Create(TextWriter output)
    {
        var export = new Argument<FileInfo>("export") { Description = "A feedback export (JSON Lines), as FeedbackExport writes it." };
        var format = new Option<string>("--format", "-f") { Description = "markdown or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var k = new Option<int>("--k", "-k") { Description = $"The fewest people a published count may describe; default {PersonalisationAggregates.DefaultThreshold}, as live monitoring.", DefaultValueFactory = _ => PersonalisationAggregates.DefaultThreshold };
        k.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--k must be at least 1.");
            }
        });
        var file = new Option<FileInfo?>("--output", "-o") { Description = "Write the datasheet to this file instead of standard output." };
        var command = new Command("datasheet", "Describe whose feedback an export holds: people per jurisdiction and consented attribute, the share of the top 1% and 10% of contributors, and which dimensions it moved which way; counts of fewer than --k people are suppressed.") { export, format, k, file };
        command.SetAction(r =>
        {
            var path = r.GetValue(export)!.ToString();
            System.Collections.Generic.IReadOnlyList<ExportedFeedback> records;
            try
            {
                using var reader = new StreamReader(path, Encoding.UTF8);
                records = FeedbackExport.Read(reader);
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException or System.FormatException)
            {
                throw new PacInputException($"{path}: {e.Message}", e);
            }

            var sheet = FeedbackDatasheet.From(records, r.GetValue(k));
            var text = r.GetValue(format) == "json" ? sheet.Json() : sheet.Markdown();
            if (r.GetValue(file) is { } target)
            {
                try
                {
                    File.WriteAllText(target.ToString(), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                }
                catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
                {
                    throw new PacInputException($"{target}: the datasheet could not be written: {e.Message}", e);
                }
            }
            else
            {
                output.Write(text);
            }

            return PacApp.Ok;
        });
        return command;
    }
}
