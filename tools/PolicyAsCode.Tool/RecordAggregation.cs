using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;
using PolicyAsCode.Monitoring;
using PolicyAsCode.Records;

namespace PolicyAsCode.Tool;

/// <summary>What <c>pac report</c> read: the aggregates of every usable record, the period and the versions seen.</summary>
internal sealed class RecordPeriod(PersonalisationAggregates aggregates)
{
    /// <summary>Every resolution and decision, counted as live monitoring counts them.</summary>
    public PersonalisationAggregates Aggregates { get; } = aggregates;

    /// <summary>The earliest record's time.</summary>
    public DateTimeOffset First { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>The latest record's time.</summary>
    public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Records used.</summary>
    public int Records { get; set; }

    /// <summary>Records per policy version (a deployment's, never a user's).</summary>
    public SortedDictionary<string, int> Versions { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines read in all.</summary>
    public long Lines { get; set; }

    /// <summary>Lines skipped.</summary>
    public int BadLines { get; set; }

    /// <summary>The first few lines skipped, with why.</summary>
    public IReadOnlyList<(string File, long Line, string Error)> BadLineExamples { get; set; } = [];
}

/// <summary>
/// Feeds decision records into one <see cref="PersonalisationAggregates"/>, through the entry point over encoded values
/// that live monitoring shares, so a report counts as the instruments do. A resolution record counts as a resolution;
/// a decision record (which repeats the resolution it was made against) counts as a decision only. Values are read with
/// the policy's own reader: a requested value it cannot read counts as unreadable, a redacted one or one the record does
/// not mention is withheld (not counted as requested); an effective value it cannot read counts in the unreadable
/// bucket. A record naming a dimension, tier, bound or cause the policy does not have is skipped as a bad line, never
/// counted under another bound.
/// </summary>
internal static class RecordAggregation
{
    public static RecordPeriod Read(PolicyRegistry registry, IReadOnlyList<string> files)
    {
        var period = new RecordPeriod(new PersonalisationAggregates(registry));
        var reading = new RecordFiles(registry, files, "report");
        foreach (var (file, line, record) in reading.Read())
        {
            var problem = record.Kind == DecisionRecordKind.Resolution ? AddResolution(period.Aggregates, record) : AddDecision(period.Aggregates, record);
            if (problem is not null)
            {
                reading.Bad(file, line, problem);
                continue;
            }

            period.Records++;
            period.First = record.Time < period.First ? record.Time : period.First;
            period.Last = record.Time > period.Last ? record.Time : period.Last;
            period.Versions[record.Version] = period.Versions.GetValueOrDefault(record.Version) + 1;
        }

        reading.CheckSomethingRead(period.Records);
        period.Lines = reading.Lines;
        period.BadLines = reading.BadLines;
        period.BadLineExamples = reading.BadLineExamples;
        return period;
    }

    private static string? AddResolution(PersonalisationAggregates aggregates, DecisionRecord record)
    {
        var registry = aggregates.Registry;
        var adjustments = new List<Adjustment>(record.Adjustments.Count);
        foreach (var recorded in record.Adjustments)
        {
            if (Adjustment(registry, recorded, out var problem) is not { } adjustment)
            {
                return problem;
            }

            adjustments.Add(adjustment);
        }

        var requested = Values(registry, record.Requested);
        var unreadable = requested.Unreadable;
        var withheld = default(DimensionSet);
        foreach (var dimension in registry.Dimensions)
        {
            var name = PreferenceNames.JsonName(dimension.Name);
            if (record.Unreadable.Contains(name))
            {
                unreadable = unreadable.With(dimension.Index);
            }
            else if (record.Redacted.Contains(name) || !record.Requested.ContainsKey(name))
            {
                withheld = withheld.With(dimension.Index);
            }
        }

        var effective = Values(registry, record.Effective);
        var granted = effective.Requested;
        foreach (var dimension in registry.Dimensions)
        {
            if (effective.Unreadable.Contains(dimension.Index) || !record.Effective.ContainsKey(PreferenceNames.JsonName(dimension.Name)))
            {
                granted[dimension.Index] = OutsideDomain(dimension);
            }
        }

        aggregates.AddResolution(registry.MatchJurisdiction(record.Jurisdiction), requested.Requested, unreadable, withheld, granted, adjustments);
        return null;
    }

    private static string? AddDecision(PersonalisationAggregates aggregates, DecisionRecord record)
    {
        var registry = aggregates.Registry;
        var recorded = record.Decision!;
        if (recorded.Allowed)
        {
            aggregates.AddDecision(Decision.Allow);
            return null;
        }

        var hazards = DecisionRecords.HazardsOf(registry, recorded.Hazards);
        switch (recorded.Cause)
        {
            case "unknown_hazard":
                aggregates.AddDecision(Decision.RefuseUnknown(hazards));
                return null;
            case "unresolved" or "undecided":
                aggregates.AddDecision(Decision.RefuseUnresolved(hazards));
                return null;
        }

        var tier = Tier(registry, recorded.Tier);
        var rule = tier is null ? null : Forbid(registry, recorded.Rule, tier, hazards);
        if (rule is null)
        {
            return $"a refusal by {recorded.Tier ?? "no tier"} (rule #{recorded.Rule?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) that this policy has no rule for";
        }

        aggregates.AddDecision(Decision.Refuse(rule, tier!, hazards));
        return null;
    }

    // The recorded rule when this policy's rule of that index is the same tier's and forbids those hazards; else the
    // tier's one rule forbidding them (a version that reordered rules), else none.
    private static ForbidRule? Forbid(PolicyRegistry registry, int? index, TierInfo tier, Hazard hazards)
    {
        bool Matches(ForbidRule r) => r.Tier == tier.Index && (r.Hazards & hazards) != Hazard.None;
        if (index is { } i && i >= 0 && i < registry.Forbids.Length && Matches(registry.Forbids[i]))
        {
            return registry.Forbids[i];
        }

        foreach (var rule in registry.Forbids)
        {
            if (Matches(rule))
            {
                return rule;
            }
        }

        return null;
    }

    private static Adjustment? Adjustment(PolicyRegistry registry, RecordedAdjustment recorded, out string? problem)
    {
        problem = null;
        var dimension = Dimension(registry, recorded.Dimension);
        AdjustmentCause? cause = recorded.Cause switch
        {
            "clamped" => AdjustmentCause.Clamped,
            "waived" => AdjustmentCause.Waived,
            "failed_closed" => AdjustmentCause.FailedClosed,
            "contradiction" => AdjustmentCause.Contradiction,
            _ => null,
        };
        var tier = Tier(registry, recorded.Tier);
        var rule = dimension is null || recorded.Source is null ? null : Bound(registry, recorded, dimension, tier);
        problem = (dimension, cause) switch
        {
            (null, _) => $"an adjustment of a dimension this policy does not have: {recorded.Dimension}",
            (_, null) => $"an adjustment with an unknown cause: {recorded.Cause}",
            _ when recorded.Tier is not null && tier is null => $"an adjustment by a tier this policy does not have: {recorded.Tier}",
            _ when recorded.Source is not null && rule is null => $"an adjustment by a bound this policy does not have: {recorded.Tier}: {recorded.Source}",
            _ => null,
        };
        return problem is null ? new Adjustment(dimension!, cause!.Value, default, default, rule, rule is null ? tier : registry.TierOf(rule)) : null;
    }

    // The recorded bound index when it names the same bound here; else the one bound of that tier written the same way.
    private static BoundRule? Bound(PolicyRegistry registry, RecordedAdjustment recorded, DimensionInfo dimension, TierInfo? tier)
    {
        bool Matches(BoundRule b) => b.Dimension == dimension.Index && b.Source == recorded.Source && (tier is null || b.Tier == tier.Index);
        if (recorded.Bound is { } i && i >= 0 && i < registry.Bounds.Length && Matches(registry.Bounds[i]))
        {
            return registry.Bounds[i];
        }

        foreach (var bound in registry.Bounds)
        {
            if (Matches(bound))
            {
                return bound;
            }
        }

        return null;
    }

    private static TierInfo? Tier(PolicyRegistry registry, string? name)
    {
        foreach (var tier in registry.Tiers)
        {
            if (tier.Name == name)
            {
                return tier;
            }
        }

        return null;
    }

    private static DimensionInfo? Dimension(PolicyRegistry registry, string jsonName)
    {
        foreach (var dimension in registry.Dimensions)
        {
            if (PreferenceNames.JsonName(dimension.Name) == jsonName)
            {
                return dimension;
            }
        }

        return null;
    }

    // Values in the wire format, read as the policy reads a request; what the document leaves out reads as a default,
    // which the callers withhold or count as unreadable, so the context the defaults come from does not matter.
    private static Json.PreferencesReadResult<DimensionValue[]> Values(PolicyRegistry registry, JsonObject document) =>
        PreferencesJson.Read(registry, Encoding.UTF8.GetBytes(document.ToJsonString()), default);

    // A value no dimension holds, so the aggregates count it in the unreadable bucket.
    private static DimensionValue OutsideDomain(DimensionInfo dimension) =>
        dimension.Kind is DimensionKind.Integer or DimensionKind.Real ? DimensionValue.OfNumber(double.NaN) : DimensionValue.OfMask(ulong.MaxValue);
}
