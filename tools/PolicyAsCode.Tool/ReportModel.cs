using System.Collections.Generic;

namespace PolicyAsCode.Tool;

/// <summary>
/// What <c>pac report</c> shows, before it is written as HTML or Markdown: both writers render the same model, so the
/// two formats cannot disagree. Every string in it is plain text (names from the policy, versions and errors from the
/// records); the writers escape it for their format.
/// </summary>
/// <param name="Title">The report's heading.</param>
/// <param name="Facts">The period, policy, versions and counts, as label and value.</param>
/// <param name="Sections">The sections, in order.</param>
internal sealed record ReportModel(string Title, IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<ReportSection> Sections);

/// <summary>One section: a heading, a sentence or two, an optional chart and its tables.</summary>
/// <param name="Title">The heading.</param>
/// <param name="Text">Plain sentences under the heading, or null.</param>
/// <param name="Chart">A bar chart of the section's counts, or null.</param>
/// <param name="Tables">The tables, each with its rows.</param>
/// <param name="Level">2 for a top-level section, 3 for one under the previous level-2 section.</param>
internal sealed record ReportSection(string Title, string? Text, ReportChart? Chart, IReadOnlyList<ReportTable> Tables, int Level = 2);

/// <summary>A table. Numbers are already formatted; <paramref name="NumericColumns"/> are right-aligned.</summary>
/// <param name="Columns">The column headings.</param>
/// <param name="Rows">The cells, one array per row.</param>
/// <param name="NumericColumns">How many trailing columns hold numbers.</param>
/// <param name="Empty">What to say instead of an empty table.</param>
internal sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, int NumericColumns, string Empty);

/// <summary>Bars per category, one series or two side by side (requested and effective).</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Categories">The category labels, in order.</param>
/// <param name="Series">Each series' name and one value per category.</param>
/// <param name="Horizontal">Whether the bars lie (for long labels such as bounds).</param>
/// <param name="Unit">What the values count, for the value axis.</param>
internal sealed record ReportChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<(string Name, double[] Values)> Series, bool Horizontal, string Unit);
