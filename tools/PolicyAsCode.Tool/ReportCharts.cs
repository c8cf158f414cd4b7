using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace PolicyAsCode.Tool;

/// <summary>
/// Draws a <see cref="ReportChart"/> as SVG with ScottPlot, to be inlined in the HTML report: no script, no external
/// font or image. Text is laid out with a font installed on the machine (DejaVu Sans or Liberation Sans, which Debian's
/// fontconfig and Chromium packages bring; else ScottPlot's default) and drawn by the browser with the same family.
/// Labels come from the policy and are escaped by the SVG writer; control characters are escaped before, as on a terminal.
/// The chart's title is not drawn: the page's heading and the figure's label carry it.
/// </summary>
internal static partial class ReportCharts
{
    private static readonly Color[] Palette = [Color.FromHex("#3b6ea8"), Color.FromHex("#e08a2e")];

    private static readonly Lazy<string> Family = new(() =>
    {
        var installed = SKFontManager.Default.GetFontFamilies();
        return new[] { "DejaVu Sans", "Liberation Sans" }.FirstOrDefault(f => installed.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Default;
    });

    /// <summary>
    /// The chart as an <c>&lt;svg&gt;</c> element for an HTML page (no XML declaration, no namespace URLs), its element
    /// ids starting with <paramref name="ids"/>, so several charts on one page never share one.
    /// </summary>
    public static string Svg(ReportChart chart, string ids)
    {
        var plot = new Plot();
        plot.Font.Set(Family.Value);
        var categories = chart.Categories.Count;
        var series = chart.Series.Count;
        var bars = new List<Bar>();
        for (var s = 0; s < series; s++)
        {
            var (_, values) = chart.Series[s];
            for (var c = 0; c < categories; c++)
            {
                // Categories sit series + 1 apart, so a gap separates each group of bars.
                bars.Add(new Bar
                {
                    Position = (c * (series + 1)) + s,
                    Value = values[c],
                    FillColor = Palette[s % Palette.Length],
                    LineWidth = 0,
                    Orientation = chart.Horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }
        }

        plot.Add.Bars(bars);
        var ticks = Enumerable.Range(0, categories)
            .Select(c => new Tick((c * (series + 1)) + ((series - 1) / 2.0), UntrustedText.Escape(chart.Categories[c])))
            .ToArray();
        var categoryAxis = chart.Horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        categoryAxis.MajorTickStyle.Length = 0;
        categoryAxis.MinorTickStyle.Length = 0;
        var valueAxis = chart.Horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        valueAxis.Label.Text = chart.Unit;
        if (!chart.Unit.StartsWith('%'))
        {
            // Counts: no tick between two whole numbers.
            valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        valueAxis.MinorTickStyle.Length = 0;
        if (chart.Horizontal)
        {
            plot.Axes.Margins(left: 0);
            plot.Axes.InvertY();   // the first category on top, as in the table
        }
        else
        {
            // Headroom above the tallest bar for the legend, which sits there.
            plot.Axes.Margins(bottom: 0, top: series > 1 ? LegendHeadroom : 0.1);
        }

        // No title drawn: the page's heading and the figure's label name the chart.
        plot.Grid.MajorLineColor = Color.FromHex("#e4e4e4");
        if (series > 1)
        {
            for (var s = 0; s < series; s++)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = Palette[s % Palette.Length] });
            }

            // In one row in the plot's top right corner, in the headroom kept above the bars: it never covers a bar
            // and takes no width from the plot.
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Alignment.UpperRight);
        }

        // Every chart of a kind is as wide as the others, so the tables beside them line up down the page.
        var width = chart.Horizontal ? 720 : VerticalWidth;
        var height = chart.Horizontal ? 60 + (28 * categories * series) : 260;
        if (!chart.Horizontal)
        {
            KeepBarsNarrow(plot, categories, series);
        }

        return Inline(plot.GetSvgXml(width, Math.Max(height, 160)), ids);
    }

    private const int VerticalWidth = 560;

    // The share of a vertical chart's height kept free above the bars: the legend's row, with room to spare.
    private const double LegendHeadroom = 0.3;

    // Room for at least this many groups of bars: a chart of one or two buckets draws them at the width they would
    // have among four, centred, rather than as a wall of colour across the whole chart.
    private const int MinimumGroups = 4;

    private static void KeepBarsNarrow(Plot plot, int categories, int series)
    {
        if (categories >= MinimumGroups)
        {
            return;
        }

        plot.Axes.AutoScale();
        var slot = series + 1;
        var middle = ((categories * slot) - 2) / 2.0;
        var half = ((MinimumGroups * slot) - 1) / 2.0;
        plot.Axes.SetLimitsX(middle - half, middle + half);
    }

    // An <svg> inside HTML needs neither the XML declaration nor namespace declarations; leaving them out keeps the
    // report free of any URL. The SVG writer numbers clip paths process-wide; renumbering them per chart makes the
    // same records give the same report, byte for byte.
    private static string Inline(string svg, string ids)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        var inline = ClipIds().Replace(svg[start..], m =>
        {
            if (!renumbered.TryGetValue(m.Value, out var id))
            {
                renumbered[m.Value] = id = ids + renumbered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return id;
        });
        return Namespaces().Replace(inline, string.Empty).Trim();
    }

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex Namespaces();

    [GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial Regex ClipIds();
}
