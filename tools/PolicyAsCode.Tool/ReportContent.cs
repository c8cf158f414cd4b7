using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Tool;

/// <summary>
/// Builds the <see cref="ReportModel"/> of <c>pac report</c> from the aggregates' thresholded snapshot only: every
/// count shown is one the snapshot reports (seen at least the threshold number of times), and the one thing read from
/// the unthresholded counts is how many buckets were withheld, as a number.
/// </summary>
internal static class ReportContent
{
    public const string Requested = "requested";
    public const string Effective = "effective";
    private const string NotReported = "-";

    public static ReportModel Build(PolicyRegistry registry, RecordPeriod period, int threshold, int top)
    {
        var snapshot = period.Aggregates.Snapshot(threshold);
        var all = period.Aggregates.Snapshot(1);
        var withheld = (all.ResolutionsByJurisdiction.Length - snapshot.ResolutionsByJurisdiction.Length)
            + (all.Values.Length - snapshot.Values.Length)
            + (all.Adjustments.Length - snapshot.Adjustments.Length)
            + (all.Refusals.Length - snapshot.Refusals.Length);
        var facts = new List<(string, string)>
        {
            ("Policy", registry.Name),
            ("Period", $"{Time(period.First)} to {Time(period.Last)}"),
            ("Versions", string.Join("; ", period.Versions.Select(v => $"{v.Key} ({RecordCount(v.Value)})"))),
            ("Records", $"{Count(period.Records)} of {Count(period.Lines)} lines" + (period.BadLines > 0 ? $" ({Count(period.BadLines)} skipped)" : string.Empty)),
            ("Resolutions", Total(snapshot.Resolutions, threshold)),
            ("Decisions", Total(snapshot.Decisions, threshold)),
            ("Threshold", $"a count is shown once at least {Count(threshold)}"),
            ("Withheld", $"{Count(withheld)} buckets withheld under the threshold of {Count(threshold)}"),
        };

        var sections = new List<ReportSection>
        {
            new("Resolutions by jurisdiction", null, null, [new ReportTable(["Jurisdiction", "Resolutions", "Share"], [.. snapshot.ResolutionsByJurisdiction.Select(j => new[] { j.Jurisdiction, Count(j.Count), Share(j.Count, snapshot.Resolutions) })], 2, "No jurisdiction reached the threshold.")]),
            new("Values per dimension", $"Requested and effective values per bucket: the charts add up the jurisdictions' counts shown in the tables. A dash ({NotReported}) stands for a count under the threshold, which is not shown.", null, []),
        };
        sections.AddRange(Dimensions(period.Aggregates, snapshot));
        sections.Add(Adjustments("Held at each bound", "Resolutions whose requested value a bound held (clamped), per bound, and their share of all resolutions.", snapshot, a => a.Cause == AdjustmentCause.Clamped, chart: true));
        sections.Add(Adjustments("Waivers used", "Resolutions granted a value only under a waiver of a higher tier's bound.", snapshot, a => a.Cause == AdjustmentCause.Waived, chart: false));
        sections.Add(Adjustments("Failed closed and contradictions", "Values the policy could not use (granted the strictest allowed value) and bounds skipped as contradictory.", snapshot, a => a.Cause is AdjustmentCause.FailedClosed or AdjustmentCause.Contradiction, chart: false));
        sections.Add(Refusals(registry, snapshot));
        sections.Add(new ReportSection(
            $"Busiest bounds (top {Count(top)})",
            null,
            null,
            [AdjustmentTable(snapshot, snapshot.Adjustments.OrderByDescending(a => a.Count).Take(top))]));
        sections.Add(new ReportSection(
            $"Busiest refusals (top {Count(top)})",
            null,
            null,
            [RefusalTable(registry, snapshot, snapshot.Refusals.OrderByDescending(r => r.Count).Take(top))]));
        if (period.BadLines > 0)
        {
            sections.Add(new ReportSection(
                "Skipped lines",
                $"{Plural(period.BadLines, "line was", "lines were")} not counted; the first few:",
                null,
                [new ReportTable(["File", "Line", "Why"], [.. period.BadLineExamples.Select(b => new[] { b.File, Count(b.Line), b.Error })], 0, string.Empty)]));
        }

        return new ReportModel($"Personalisation report: {registry.Name}", facts, sections);
    }

    private static IEnumerable<ReportSection> Dimensions(PersonalisationAggregates aggregates, PersonalisationSnapshot snapshot)
    {
        foreach (var buckets in aggregates.Buckets)
        {
            var name = buckets.Dimension.Name;
            var values = snapshot.Values.Where(v => v.Dimension == name).ToList();
            var shown = buckets.Labels.Where(l => values.Any(v => v.Bucket == l)).ToList();
            double Sum(string bucket, ValueSide side) => values.Where(v => v.Bucket == bucket && v.Side == side).Sum(v => (double)v.Count);
            var chart = shown.Count == 0 ? null : new ReportChart(
                name,
                shown,
                [(Requested, [.. shown.Select(b => Sum(b, ValueSide.Requested))]), (Effective, [.. shown.Select(b => Sum(b, ValueSide.Effective))])],
                Horizontal: false,
                "resolutions");
            var rows = values
                .Select(v => (v.Jurisdiction, v.Bucket))
                .Distinct()
                .OrderBy(k => k.Jurisdiction, StringComparer.Ordinal)
                .ThenBy(k => buckets.Labels.IndexOf(k.Bucket))
                .Select(k => new[] { k.Jurisdiction, k.Bucket, Cell(values, k, ValueSide.Requested), Cell(values, k, ValueSide.Effective) });
            yield return new ReportSection(
                name,
                null,
                chart,
                [new ReportTable(["Jurisdiction", "Bucket", "Requested", "Effective"], [.. rows], 2, "No bucket of this dimension reached the threshold.")],
                Level: 3);
        }
    }

    private static ReportSection Adjustments(string title, string text, PersonalisationSnapshot snapshot, Func<AdjustmentCount, bool> which, bool chart)
    {
        var counts = snapshot.Adjustments.Where(which).ToList();
        var bars = chart && counts.Count > 0 && snapshot.Resolutions is { } total
            ? new ReportChart(title, [.. counts.Select(BoundLabel)], [("share", [.. counts.Select(a => 100.0 * a.Count / total)])], Horizontal: true, "% of resolutions")
            : null;
        return new ReportSection(title, text, bars, [AdjustmentTable(snapshot, counts)]);
    }

    private static ReportTable AdjustmentTable(PersonalisationSnapshot snapshot, IEnumerable<AdjustmentCount> counts) => new(
        ["Dimension", "Tier", "Bound", "When", "Cause", "Resolutions", "Share"],
        [.. counts.Select(a => new[] { a.Dimension, TierName(a.Tier), a.Bound, a.Condition, CauseName(a.Cause), Count(a.Count), Share(a.Count, snapshot.Resolutions) })],
        2,
        "None reached the threshold.");

    private static ReportSection Refusals(PolicyRegistry registry, PersonalisationSnapshot snapshot)
    {
        var refusals = snapshot.Refusals;
        var chart = refusals.IsEmpty ? null : new ReportChart(
            "Refusals",
            [.. refusals.Select(r => $"{r.Hazard}, {TierName(r.Tier)}")],
            [("refusals", [.. refusals.Select(r => (double)r.Count)])],
            Horizontal: true,
            "refusals");
        return new ReportSection("Refusals per hazard and tier", "Refused hazards per refusing tier (a refusal naming two hazards counts once for each), and their share of all decisions.", chart, [RefusalTable(registry, snapshot, refusals)]);
    }

    private static ReportTable RefusalTable(PolicyRegistry registry, PersonalisationSnapshot snapshot, IEnumerable<RefusalCount> refusals) => new(
        ["Hazard", "Name", "Tier", "Refusals", "Share"],
        [.. refusals.Select(r => new[] { r.Hazard, HazardTitle(registry, r.Hazard), TierName(r.Tier), Count(r.Count), Share(r.Count, snapshot.Decisions) })],
        2,
        "None reached the threshold.");

    private static string Cell(List<ValueCount> values, (string Jurisdiction, string Bucket) key, ValueSide side) =>
        values.FirstOrDefault(v => v.Jurisdiction == key.Jurisdiction && v.Bucket == key.Bucket && v.Side == side) is { } v ? Count(v.Count) : NotReported;

    private static string BoundLabel(AdjustmentCount a) =>
        $"{a.Dimension}: {TierName(a.Tier)}: {a.Bound}" + (a.Condition == "always" ? string.Empty : $" {a.Condition}");

    private static string HazardTitle(PolicyRegistry registry, string code)
    {
        var hazard = Records.DecisionRecords.HazardsOf(registry, [code]);
        return HazardNames.Name(hazard, registry.CustomHazards)?.Title ?? "not a hazard this policy names";
    }

    private static string TierName(TierInfo? tier) => tier?.ToString() ?? "none (failed closed)";

    private static string CauseName(AdjustmentCause cause) => Records.DecisionRecords.CauseName(cause).Replace('_', ' ');

    private static string Total(long? count, int threshold) => count is { } n ? Count(n) : $"fewer than {Count(threshold)}";

    private static string Share(long count, long? total) =>
        total is { } t && t > 0 ? (100.0 * count / t).ToString("0.0", CultureInfo.InvariantCulture) + "%" : NotReported;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string RecordCount(long count) => Plural(count, "record", "records");

    private static string Plural(long count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";

    internal static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
