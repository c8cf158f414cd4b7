using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Records;

/// <summary>
/// Makes decision records from what an evaluator or the interpreter answered, by name: dimensions by their JSON
/// names, values in the preferences wire format, facts, tiers and hazards by name or code. The runtime's recorder and
/// tools both build records here, so there is one way a resolution becomes a record.
/// </summary>
public static class DecisionRecords
{
    /// <summary>
    /// The record of one resolution. A requested value is left out when its dimension is in
    /// <paramref name="redacted"/> (by JSON name; the name is listed under <c>redacted</c>) or in
    /// <paramref name="unreadable"/> (listed under <c>unreadable</c>), or when it lies outside its dimension's domain
    /// (listed as unreadable too: it resolved fail-closed).
    /// </summary>
    /// <param name="registry">The policy in force.</param>
    /// <param name="version">The policy version in force.</param>
    /// <param name="overlayRevision">The revision of the policy in force in this process.</param>
    /// <param name="context">The request's context.</param>
    /// <param name="requested">The requested values, encoded in dimension order; empty when the request held none (every dimension then counts as unreadable).</param>
    /// <param name="unreadable">The dimensions whose requested value could not be read.</param>
    /// <param name="effective">The effective values, encoded in dimension order.</param>
    /// <param name="adjustments">The resolution's adjustments.</param>
    /// <param name="redacted">The JSON names of the dimensions whose requested values are not recorded.</param>
    /// <param name="time">When the resolution was made.</param>
    public static DecisionRecord Resolution(
        PolicyRegistry registry,
        string version,
        long overlayRevision,
        in PolicyContext context,
        ReadOnlySpan<DimensionValue> requested,
        DimensionSet unreadable,
        ReadOnlySpan<DimensionValue> effective,
        IReadOnlyList<Adjustment> adjustments,
        IReadOnlySet<string>? redacted,
        DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(adjustments);
        var requestedObject = new JsonObject();
        var effectiveObject = new JsonObject();
        var redactedNames = new List<string>();
        var unreadableNames = new List<string>();
        foreach (var dimension in registry.Dimensions)
        {
            var name = PreferenceNames.JsonName(dimension.Name);
            var i = dimension.Index;
            if (redacted is not null && redacted.Contains(name))
            {
                redactedNames.Add(name);
            }
            else if (unreadable.Contains(i) || i >= requested.Length || Value(dimension, requested[i]) is not { } value)
            {
                unreadableNames.Add(name);
            }
            else
            {
                requestedObject[name] = value;
            }

            if (i < effective.Length && Value(dimension, effective[i]) is { } granted)
            {
                effectiveObject[name] = granted;
            }
        }

        var recorded = new List<RecordedAdjustment>(adjustments.Count);
        foreach (var a in adjustments)
        {
            recorded.Add(new RecordedAdjustment(
                PreferenceNames.JsonName(a.Dimension.Name),
                CauseName(a.Cause),
                a.Rule?.Index,
                a.Rule?.Source,
                a.Tier?.Name,
                RankName(a.Tier?.Rank)));
        }

        return new DecisionRecord(
            NewId(time),
            time.ToUniversalTime(),
            DecisionRecordKind.Resolution,
            registry.Name,
            version,
            overlayRevision,
            context.Jurisdiction,
            FactNames(context.Known),
            FactNames(context.Known & context.Facts),
            requestedObject,
            redactedNames,
            unreadableNames,
            effectiveObject,
            recorded);
    }

    /// <summary>The record of one decision made against the resolution <paramref name="resolution"/> records.</summary>
    /// <param name="registry">The policy in force (the one that made the resolution).</param>
    /// <param name="resolution">The record of the resolution the decision was made against.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="stage"><c>input</c> or <c>output</c>.</param>
    /// <param name="detected">The hazards detected in the content.</param>
    /// <param name="content">The content, or null to leave it out.</param>
    /// <param name="time">When the decision was made.</param>
    public static DecisionRecord Decision(PolicyRegistry registry, DecisionRecord resolution, in Decision decision, string stage, Hazard detected, string? content, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(stage);
        var recorded = new RecordedDecision(
            decision.IsAllowed,
            stage,
            HazardCodes(registry, detected),
            CauseName(decision.Cause),
            decision.Rule?.Index,
            decision.Tier?.Name,
            decision.IsAllowed ? [] : HazardCodes(registry, decision.Hazards));
        return resolution with { Id = NewId(time), Time = time.ToUniversalTime(), Kind = DecisionRecordKind.Decision, Decision = recorded, Content = content };
    }

    /// <summary>A new record id: a version 7 UUID, whose text sorts by time (to the millisecond).</summary>
    public static string NewId(DateTimeOffset time) => Guid.CreateVersion7(time).ToString();

    /// <summary>The code of each hazard of <paramref name="hazards"/>: <c>S1</c>…<c>S14</c>, the policy's custom codes, and the bits no category names as one <c>0x…</c> mask.</summary>
    public static IReadOnlyList<string> HazardCodes(PolicyRegistry registry, Hazard hazards)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var codes = new List<string>();
        foreach (var name in HazardNames.Of(hazards, registry.CustomHazards))
        {
            codes.Add(name.Code);
        }

        var unnamed = HazardNames.Unnamed(hazards, registry.CustomHazards);
        if (unnamed != Hazard.None)
        {
            codes.Add("0x" + ((ulong)unnamed).ToString("X", CultureInfo.InvariantCulture));
        }

        return codes;
    }

    /// <summary>
    /// The hazards <paramref name="codes"/> name in <paramref name="registry"/>: shipped codes, the policy's custom codes
    /// (ignoring case) and <c>0x…</c> masks. A code the policy does not know becomes a bit no policy knows
    /// (bit 63, which no policy names), so deciding on it refuses, failing closed.
    /// </summary>
    public static Hazard HazardsOf(PolicyRegistry registry, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(codes);
        var hazards = Hazard.None;
        foreach (var code in codes)
        {
            hazards |= HazardOf(registry, code);
        }

        return hazards;
    }

    /// <summary>The name of each fact in <paramref name="facts"/>, lowest bit first.</summary>
    public static IReadOnlyList<string> FactNames(Fact facts)
    {
        var names = new List<string>();
        for (var rest = (uint)facts; rest != 0; rest &= rest - 1)
        {
            var bit = (Fact)(rest & (~rest + 1));
            names.Add(bit.ToString());
        }

        return names;
    }

    /// <summary>The fact named <paramref name="name"/> (ignoring case), or null when there is none.</summary>
    public static Fact? FactOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Enum.TryParse<Fact>(name, ignoreCase: true, out var fact) && fact != Fact.None && Enum.IsDefined(fact) ? fact : null;
    }

    /// <summary>The record's name of an adjustment cause.</summary>
    public static string CauseName(AdjustmentCause cause) => cause switch
    {
        AdjustmentCause.Clamped => "clamped",
        AdjustmentCause.Waived => "waived",
        AdjustmentCause.FailedClosed => "failed_closed",
        _ => "contradiction",
    };

    /// <summary>The record's name of a decision cause.</summary>
    public static string CauseName(DecisionCause cause) => cause switch
    {
        DecisionCause.Allowed => "allowed",
        DecisionCause.Forbidden => "forbidden",
        DecisionCause.UnknownHazard => "unknown_hazard",
        DecisionCause.Unresolved => "unresolved",
        _ => "undecided",
    };

    private static string? RankName(TierRank? rank) => rank switch
    {
        TierRank.Immutable => "immutable",
        TierRank.Organisation => "organisation",
        TierRank.User => "user",
        _ => null,
    };

    private static Hazard HazardOf(PolicyRegistry registry, string code)
    {
        if (code.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(code.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
        {
            return (Hazard)mask;
        }

        var named = HazardNames.FromCode(code, registry.CustomHazards);
        return named != Hazard.None ? named : Unclassifiable;
    }

    // Bit 63: no policy names it (HazardClassification.Unclassifiable in the runtime), so a decision on it refuses.
    private const Hazard Unclassifiable = (Hazard)(1UL << 63);

    // The value in the wire format, or null for a value outside the dimension's domain (which has no JSON form).
    private static JsonNode? Value(DimensionInfo dimension, DimensionValue value)
    {
        if (!dimension.InDomain(value))
        {
            return null;
        }

        try
        {
            return PreferencesJson.ValueNode(dimension, value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
