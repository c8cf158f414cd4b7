using System.Collections.Immutable;

namespace PolicyAsCode.Monitoring;

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
