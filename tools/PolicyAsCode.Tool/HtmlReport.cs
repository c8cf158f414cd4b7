using System.IO;
using System.Net;

namespace PolicyAsCode.Tool;

/// <summary>
/// Writes a <see cref="ReportModel"/> as one self-contained HTML page: styles inline, charts as inline SVG, no script,
/// no font, image or style sheet from anywhere, and a Content-Security-Policy that forbids loading any. Every string of
/// the model is made safe as on a terminal (<see cref="UntrustedText"/>) and then HTML-encoded, so a name or version
/// from an untrusted policy or record is shown as text and never read as markup.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d1d1d; padding: 0 1rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; margin-top: 1.75rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; } th, td { border: 1px solid #d0d0d0; padding: .25rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .pair { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 2rem; } figure { margin: .5rem 0; } svg { max-width: 100%; height: auto; } p.empty { color: #555; font-style: italic; }
        """;

    public static void Write(TextWriter output, ReportModel report)
    {
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        output.Write($"<title>{Text(report.Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        output.Write($"<h1>{Text(report.Title)}</h1>\n<dl>\n");
        foreach (var (label, value) in report.Facts)
        {
            output.Write($"<dt>{Text(label)}</dt><dd>{Text(value)}</dd>\n");
        }

        output.Write("</dl>\n");
        var charts = 0;
        foreach (var section in report.Sections)
        {
            output.Write($"<section>\n<h{section.Level}>{Text(section.Title)}</h{section.Level}>\n");
            if (section.Text is { } text)
            {
                output.Write($"<p>{Text(text)}</p>\n");
            }

            // A chart and its table side by side where the page is wide enough.
            output.Write("<div class=\"pair\">\n");
            if (section.Chart is { } chart)
            {
                output.Write($"<figure role=\"img\" aria-label=\"{Text(chart.Title)}\">\n{ReportCharts.Svg(chart, $"chart{++charts}-clip")}\n</figure>\n");
            }

            foreach (var table in section.Tables)
            {
                Table(output, table);
            }

            output.Write("</div>\n");

            output.Write("</section>\n");
        }

        output.Write("</body>\n</html>\n");
    }

    /// <summary>Plain text as HTML text or attribute value: control characters escaped, then <c>&lt; &gt; &amp; " '</c> encoded.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(UntrustedText.Escape(text));

    private static void Table(TextWriter output, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            if (table.Empty.Length > 0)
            {
                output.Write($"<p class=\"empty\">{Text(table.Empty)}</p>\n");
            }

            return;
        }

        output.Write("<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            output.Write($"<th scope=\"col\">{Text(column)}</th>");
        }

        output.Write("</tr></thead>\n<tbody>\n");
        var firstNumber = table.Columns.Count - table.NumericColumns;
        foreach (var row in table.Rows)
        {
            output.Write("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                output.Write(i >= firstNumber ? $"<td class=\"n\">{Text(row[i])}</td>" : $"<td>{Text(row[i])}</td>");
            }

            output.Write("</tr>\n");
        }

        output.Write("</tbody>\n</table>\n");
    }
}
