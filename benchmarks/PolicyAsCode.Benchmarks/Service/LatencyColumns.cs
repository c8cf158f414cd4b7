using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// A percentile of a benchmark's measurements, for those BenchmarkDotNet has no column for (P99). With one request per
/// iteration (<see cref="ServiceCost"/>) a measurement is one request's latency, so this is a latency percentile.
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    /// <inheritdoc/>
    public string Id => "Percentile" + percentile.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ColumnName => "P" + percentile.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <inheritdoc/>
    public int PriorityInCategory => 100 + percentile;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc/>
    public string Legend => $"Percentile {percentile}: {percentile} % of measurements were at most this";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? Time(statistics.Percentiles.Percentile(percentile), style)
            : "NA";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    // In the unit the summary chose for its other time columns, so that P95 and P99 read alike.
    private static string Time(double nanoseconds, SummaryStyle style)
    {
        var unit = style.TimeUnit ?? Perfolizer.Horology.TimeUnit.Nanosecond;
        var text = (nanoseconds / unit.BaseUnits).ToString("N2", style.CultureInfo);
        return style.PrintUnitsInContent ? text + " " + unit.Abbreviation : text;
    }
}

/// <summary>The ratio of a benchmark's median to its baseline's median in the same run (BenchmarkDotNet's Ratio is of means).</summary>
public sealed class MedianRatioColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => "MedianRatio";

    /// <inheritdoc/>
    public string ColumnName => "P50 ratio";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Baseline;

    /// <inheritdoc/>
    public int PriorityInCategory => 10;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Median over the baseline's median, measured in the same run";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var own = summary[benchmarkCase]?.ResultStatistics;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics;
        return own is null || theirs is null || theirs.Median == 0 ? "?" : (own.Median / theirs.Median).ToString("F3", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
}
