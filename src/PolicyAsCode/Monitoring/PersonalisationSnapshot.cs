using System.Collections.Immutable;

namespace PolicyAsCode.Monitoring;

/// <summary>Which value of a resolution a <see cref="ValueCount"/> counts.</summary>
public enum ValueSide
{
    /// <summary>What users asked for.</summary>
    Requested,

    /// <summary>What users got.</summary>
    Effective,
}

/// <summary>
/// What a population of resolutions and decisions looks like, with only counts of at least <see cref="Threshold"/>:
/// every bucket seen fewer times is left out, and no entry holds a value a user wrote, only names the policy declares
/// and ranges cut at its bounds. Counts are cumulative since the aggregates were created.
/// </summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Threshold">The fewest times a bucket was seen for it to be reported (k-anonymity).</param>
/// <param name="Resolutions">How many resolutions were counted, or null when fewer than the threshold.</param>
/// <param name="Decisions">How many decisions were counted, or null when fewer than the threshold.</param>
/// <param name="ResolutionsByJurisdiction">Resolutions per matched jurisdiction (<c>none</c> when none matched).</param>
/// <param name="Values">Requested and effective values per dimension, jurisdiction and bucket.</param>
/// <param name="Adjustments">Values held at a bound, waived, failed closed or contradicted, per dimension, tier and bound.</param>
/// <param name="Refusals">Refused hazards per hazard and refusing tier.</param>
public sealed record PersonalisationSnapshot(
    string Policy,
    int Threshold,
    long? Resolutions,
    long? Decisions,
    ImmutableArray<JurisdictionCount> ResolutionsByJurisdiction,
    ImmutableArray<ValueCount> Values,
    ImmutableArray<AdjustmentCount> Adjustments,
    ImmutableArray<RefusalCount> Refusals)
{
    /// <summary>The policy counted, to name what its bounds are linked to (a project's own benefits and risks included).</summary>
    public PolicyRegistry? Registry { get; init; }
}

/// <summary>Resolutions in one jurisdiction.</summary>
/// <param name="Jurisdiction">The jurisdiction as the policy spells it, or <c>none</c>.</param>
/// <param name="Count">How many.</param>
public sealed record JurisdictionCount(string Jurisdiction, long Count);

/// <summary>How many resolutions had a value in one bucket of one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Side">Requested or effective.</param>
/// <param name="Jurisdiction">The jurisdiction matched, as the policy spells it, or <c>none</c>.</param>
/// <param name="Bucket">The bucket's label (<see cref="ValueBuckets.Labels"/>).</param>
/// <param name="Count">How many.</param>
public sealed record ValueCount(string Dimension, ValueSide Side, string Jurisdiction, string Bucket, long Count);

/// <summary>How many resolutions a bound held at (clamped), waived, failed closed or skipped as contradictory, on one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Cause">Why the value moved (or was granted under a waiver).</param>
/// <param name="Tier">The tier that set the bound, or null (a value failed closed with no bound responsible).</param>
/// <param name="Rule">The bound as first seen (its index is that registry's), or null.</param>
/// <param name="Bound">The bound as written (<see cref="BoundRule.Source"/>), or <c>none</c>.</param>
/// <param name="Condition">When the bound applies (<c>when Minor</c>), or <c>always</c>.</param>
/// <param name="Count">How many.</param>
public sealed record AdjustmentCount(string Dimension, AdjustmentCause Cause, TierInfo? Tier, BoundRule? Rule, string Bound, string Condition, long Count);

/// <summary>How many refusals named one hazard and one refusing tier.</summary>
/// <param name="Hazard">The hazard's code (<c>S1</c>…<c>S14</c>, a project's code) or <c>unknown</c>.</param>
/// <param name="Tier">The refusing tier, or null (an unknown hazard or no resolution: refused failing closed).</param>
/// <param name="Count">How many.</param>
public sealed record RefusalCount(string Hazard, TierInfo? Tier, long Count);
