using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Tool;

/// <summary>
/// Writes a <see cref="ReportModel"/> as Markdown: the same facts and tables as the HTML report, each chart as text
/// bars in a code block. Every string of the model is made safe as on a terminal (<see cref="UntrustedText"/>), HTML
/// characters are encoded and Markdown's punctuation escaped, so a name or version cannot add markup, a link or a row.
/// </summary>
internal static class MarkdownReport
{
    private const int BarWidth = 30;

    public static void Write(TextWriter output, ReportModel report)
    {
        output.Write($"# {Text(report.Title)}\n\n");
        foreach (var (label, value) in report.Facts)
        {
            output.Write($"- **{Text(label)}:** {Text(value)}\n");
        }

        // Every block ends with a blank line, so a heading needs none before it.
        output.Write("\n");
        foreach (var section in report.Sections)
        {
            output.Write($"{new string('#', section.Level)} {Text(section.Title)}\n\n");
            if (section.Text is { } text)
            {
                output.Write($"{Text(text)}\n\n");
            }

            if (section.Chart is { } chart)
            {
                Bars(output, chart);
            }

            foreach (var table in section.Tables)
            {
                Table(output, table);
            }
        }
    }

    /// <summary>Plain text as Markdown inline text: control characters escaped, <c>&lt; &gt; &amp;</c> encoded, punctuation backslash-escaped.</summary>
    public static string Text(string? text)
    {
        var safe = UntrustedText.Escape(text);
        var b = new StringBuilder(safe.Length + 8);
        foreach (var c in safe)
        {
            _ = c switch
            {
                '<' => b.Append("&lt;"),
                '>' => b.Append("&gt;"),
                '&' => b.Append("&amp;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '|' or '~' or '!' or '#' or '{' or '}' => b.Append('\\').Append(c),
                _ => b.Append(c),
            };
        }

        return b.ToString();
    }

    private static void Table(TextWriter output, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            if (table.Empty.Length > 0)
            {
                output.Write($"_{Text(table.Empty)}_\n\n");
            }

            return;
        }

        var firstNumber = table.Columns.Count - table.NumericColumns;
        output.Write("| " + string.Join(" | ", table.Columns.Select(Text)) + " |\n");
        output.Write("|" + string.Concat(table.Columns.Select((_, i) => i >= firstNumber ? "---:|" : "---|")) + "\n");
        foreach (var row in table.Rows)
        {
            output.Write("| " + string.Join(" | ", row.Select(Text)) + " |\n");
        }

        output.Write("\n");
    }

    // Text bars, longest value BarWidth wide, in a fenced block longer than any run of backticks in it.
    private static void Bars(TextWriter output, ReportChart chart)
    {
        var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var labels = chart.Categories.Select(c => UntrustedText.Escape(c)).ToList();
        var names = chart.Series.Select(s => UntrustedText.Escape(s.Name)).ToList();
        var labelWidth = labels.Max(l => l.Length);
        var nameWidth = names.Max(n => n.Length);
        var lines = new StringBuilder().Append(UntrustedText.Escape(chart.Title)).Append(" (").Append(chart.Unit).Append(")\n");
        for (var c = 0; c < labels.Count; c++)
        {
            for (var s = 0; s < names.Count; s++)
            {
                var value = chart.Series[s].Values[c];
                var length = max > 0 ? (int)Math.Round(BarWidth * value / max) : 0;
                var label = s == 0 ? labels[c] : string.Empty;
                var name = names.Count > 1 ? names[s].PadRight(nameWidth) + " " : string.Empty;
                // Nothing reported (under the threshold) reads as a dash, as in the tables, not as a count of 0.
                var number = value == 0 ? "-" : value.ToString(chart.Unit.StartsWith('%') ? "0.0" : "N0", System.Globalization.CultureInfo.InvariantCulture);
                lines.Append(label.PadRight(labelWidth)).Append("  ").Append(name).Append('#', length).Append(length > 0 ? " " : string.Empty)
                    .Append(number).Append('\n');
            }
        }

        var fence = new string('`', Math.Max(3, LongestBacktickRun(lines.ToString()) + 1));
        output.Write($"{fence}text\n{lines}{fence}\n\n");
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
