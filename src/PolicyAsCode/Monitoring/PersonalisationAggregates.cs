using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace PolicyAsCode.Monitoring;

/// <summary>
/// How a population personalises under one policy, fed one resolution and one decision at a time, from live traffic
/// or from decision records: per dimension the requested and effective values (bucketed by <see cref="ValueBuckets"/>,
/// per matched jurisdiction), how often each bound held a value or was waived, and refusals per hazard and tier.
/// It keeps counts only: no value a user wrote, no id, no content. <see cref="Snapshot"/> reports the buckets seen at
/// least a threshold number of times (k-anonymity, <see cref="DefaultThreshold"/> by default). Thread-safe; counting a
/// resolution takes no lock and allocates only the first time a bound or refusal is seen.
/// </summary>
public sealed class PersonalisationAggregates
{
    /// <summary>The default k-anonymity threshold: a bucket is reported once seen this many times.</summary>
    public const int DefaultThreshold = 10;

    /// <summary>The jurisdiction label of a resolution that matched none of the policy's jurisdictions.</summary>
    public const string NoJurisdiction = "none";

    private readonly ImmutableArray<ValueBuckets> _buckets;

    // Per dimension: [side][jurisdiction slot][bucket], flattened. The last jurisdiction slot is "none".
    private readonly long[][] _values;
    private readonly long[] _resolutions;
    private readonly ConcurrentDictionary<AdjustmentKey, Tally> _adjustments = new();
    private readonly ConcurrentDictionary<RefusalKey, Tally> _refusals = new();
    private readonly int _maxBuckets;
    private long _decisions;

    /// <summary>
    /// Aggregates for <paramref name="registry"/> (the compiled one: overlays do not change dimensions or jurisdictions).
    /// <paramref name="extraCuts"/> adds, per dimension name, points numbers are cut at besides the ends of its bounds.
    /// </summary>
    public PersonalisationAggregates(PolicyRegistry registry, IReadOnlyDictionary<string, double[]>? extraCuts = null)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _buckets = [.. registry.Dimensions.Select(d => new ValueBuckets(registry, d, extraCuts?.GetValueOrDefault(d.Name)))];
        var slots = registry.Jurisdictions.Length + 1;
        _resolutions = new long[slots];
        _values = [.. _buckets.Select(b => new long[2 * slots * b.Labels.Length])];
        _maxBuckets = _buckets.IsEmpty ? 1 : _buckets.Max(b => b.Labels.Length);
    }

    /// <summary>The policy the aggregates count for.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>The buckets of each dimension, in dimension order.</summary>
    public ImmutableArray<ValueBuckets> Buckets => _buckets;

    /// <summary>
    /// Counts one resolution of a compiled policy: <paramref name="requested"/> as asked (null: nothing could be read),
    /// <paramref name="unreadable"/> the dimensions whose request could not be read, and the resolution made of it.
    /// </summary>
    public void AddResolution<TPreferences>(TPreferences? requested, DimensionSet unreadable, in Resolution<TPreferences> resolution)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        if (!resolution.IsResolved)
        {
            return;
        }

        if (requested is null)
        {
            // Nothing was asked for: every dimension's request is unreadable.
            for (var d = 0; d < Registry.Dimensions.Length; d++)
            {
                unreadable = unreadable.With(d);
            }
        }

        var asked = requested is null ? [] : TPreferences.Encode(requested);
        AddResolution(resolution.Jurisdiction, asked, unreadable, default, TPreferences.Encode(resolution.Effective), resolution.Adjustments);
    }

    /// <summary>
    /// Counts one resolution from its encoded values, the one entry point live monitoring and a reader of decision
    /// records share. <paramref name="requested"/> and <paramref name="effective"/> are in dimension order
    /// (<see cref="IUserTierPolicy{TSelf}.Encode"/>); a dimension in <paramref name="unreadable"/> counts as
    /// <see cref="ValueBuckets.Unreadable"/>, one in <paramref name="withheld"/> (redacted from a record) or beyond
    /// <paramref name="requested"/>'s length is not counted as requested. <paramref name="jurisdiction"/> is the index
    /// matched (<see cref="Resolution{TPreferences}.Jurisdiction"/>), -1 for none; <paramref name="adjustments"/> are the
    /// resolution's, from this registry or an overlay of it.
    /// </summary>
    public void AddResolution(
        int jurisdiction,
        ReadOnlySpan<DimensionValue> requested,
        DimensionSet unreadable,
        DimensionSet withheld,
        ReadOnlySpan<DimensionValue> effective,
        IReadOnlyList<Adjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var slot = jurisdiction >= 0 && jurisdiction < Registry.Jurisdictions.Length ? jurisdiction : Registry.Jurisdictions.Length;
        Interlocked.Increment(ref _resolutions[slot]);
        Span<int> hits = stackalloc int[_maxBuckets];
        for (var d = 0; d < _buckets.Length; d++)
        {
            if (!withheld.Contains(d) && (unreadable.Contains(d) || d < requested.Length))
            {
                var count = unreadable.Contains(d) ? Unread(hits) : _buckets[d].Classify(requested[d], hits);
                Count(d, ValueSide.Requested, slot, hits[..count]);
            }

            if (d < effective.Length)
            {
                Count(d, ValueSide.Effective, slot, hits[.._buckets[d].Classify(effective[d], hits)]);
            }
        }

        foreach (var adjustment in adjustments)
        {
            if (adjustment.Dimension.Index >= 0 && adjustment.Dimension.Index < _buckets.Length)
            {
                var rule = adjustment.Rule;
                var key = new AdjustmentKey(
                    adjustment.Dimension.Index,
                    adjustment.Cause,
                    adjustment.Tier?.Name,
                    rule?.Source ?? "none",
                    rule is null || rule.Condition.IsAlways ? "always" : rule.Condition.ToString());
                Increment(_adjustments, key, adjustment.Tier, rule);
            }
        }
    }

    /// <summary>Counts one decision on content and, for a refusal, one refusal per refused hazard.</summary>
    public void AddDecision(in Decision decision)
    {
        Interlocked.Increment(ref _decisions);
        if (decision.IsAllowed)
        {
            return;
        }

        foreach (var name in HazardNames.Of(decision.Hazards, Registry.CustomHazards))
        {
            Increment(_refusals, new RefusalKey(name.Code, decision.Tier?.Name), decision.Tier, null);
        }

        if (HazardNames.Unnamed(decision.Hazards, Registry.CustomHazards) != Hazard.None)
        {
            Increment(_refusals, new RefusalKey("unknown", decision.Tier?.Name), decision.Tier, null);
        }
    }

    /// <summary>
    /// What the population looks like, keeping only counts of at least <paramref name="threshold"/>: a bucket seen fewer
    /// times is left out, so no single user's value can be read from it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1.</exception>
    public PersonalisationSnapshot Snapshot(int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var slots = _resolutions.Length;
        var byJurisdiction = ImmutableArray.CreateBuilder<JurisdictionCount>();
        long resolutions = 0;
        for (var s = 0; s < slots; s++)
        {
            var count = Interlocked.Read(ref _resolutions[s]);
            resolutions += count;
            if (count >= threshold)
            {
                byJurisdiction.Add(new JurisdictionCount(SlotName(s), count));
            }
        }

        var values = ImmutableArray.CreateBuilder<ValueCount>();
        for (var d = 0; d < _buckets.Length; d++)
        {
            var labels = _buckets[d].Labels;
            foreach (var side in (ReadOnlySpan<ValueSide>)[ValueSide.Requested, ValueSide.Effective])
            {
                for (var s = 0; s < slots; s++)
                {
                    for (var b = 0; b < labels.Length; b++)
                    {
                        var count = Interlocked.Read(ref _values[d][Index(d, side, s, b)]);
                        if (count >= threshold)
                        {
                            values.Add(new ValueCount(Registry.Dimensions[d].Name, side, SlotName(s), labels[b], count));
                        }
                    }
                }
            }
        }

        var adjustments = _adjustments
            .Select(p => (p.Key, p.Value, Count: Interlocked.Read(ref p.Value.Count)))
            .Where(p => p.Count >= threshold)
            .OrderBy(p => p.Key.Dimension).ThenBy(p => p.Key.Cause).ThenBy(p => p.Value.Rule?.Index ?? -1).ThenBy(p => p.Key.Bound, StringComparer.Ordinal).ThenBy(p => p.Key.Condition, StringComparer.Ordinal)
            .Select(p => new AdjustmentCount(Registry.Dimensions[p.Key.Dimension].Name, p.Key.Cause, p.Value.Tier, p.Value.Rule, p.Key.Bound, p.Key.Condition, p.Count));
        var refusals = _refusals
            .Select(p => (p.Key, p.Value, Count: Interlocked.Read(ref p.Value.Count)))
            .Where(p => p.Count >= threshold)
            .OrderBy(p => p.Key.Hazard, StringComparer.Ordinal).ThenBy(p => p.Value.Tier?.Index ?? int.MaxValue)
            .Select(p => new RefusalCount(p.Key.Hazard, p.Value.Tier, p.Count));
        var decisions = Interlocked.Read(ref _decisions);
        return new PersonalisationSnapshot(
            Registry.Name,
            threshold,
            resolutions >= threshold ? resolutions : null,
            decisions >= threshold ? decisions : null,
            byJurisdiction.ToImmutable(),
            values.ToImmutable(),
            [.. adjustments],
            [.. refusals]) { Registry = Registry };
    }

    private static int Unread(Span<int> hits)
    {
        hits[0] = 0;
        return 1;
    }

    private void Count(int dimension, ValueSide side, int slot, ReadOnlySpan<int> hits)
    {
        foreach (var bucket in hits)
        {
            Interlocked.Increment(ref _values[dimension][Index(dimension, side, slot, bucket)]);
        }
    }

    private int Index(int dimension, ValueSide side, int slot, int bucket) =>
        ((((int)side * _resolutions.Length) + slot) * _buckets[dimension].Labels.Length) + bucket;

    private string SlotName(int slot) => slot < Registry.Jurisdictions.Length ? Registry.Jurisdictions[slot] : NoJurisdiction;

    private static void Increment<TKey>(ConcurrentDictionary<TKey, Tally> tallies, TKey key, TierInfo? tier, BoundRule? rule)
        where TKey : notnull
    {
        var tally = tallies.GetOrAdd(key, static (_, seen) => new Tally(seen.tier, seen.rule), (tier, rule));
        Interlocked.Increment(ref tally.Count);
    }

    private readonly record struct AdjustmentKey(int Dimension, AdjustmentCause Cause, string? Tier, string Bound, string Condition);

    private readonly record struct RefusalKey(string Hazard, string? Tier);

    private sealed class Tally(TierInfo? tier, BoundRule? rule)
    {
        public long Count;

        public TierInfo? Tier { get; } = tier;

        public BoundRule? Rule { get; } = rule;
    }
}
