using System.Collections.Generic;
using System.Diagnostics.Metrics;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The societal-monitoring instruments, created on the first <c>AddSocietalMonitoring</c> only: observable counters
/// that read each monitor's thresholded <see cref="PersonalisationSnapshot"/> when a collector asks. Every count they
/// report is cumulative and at least the monitor's threshold; every attribute is a name the policy declares or a bucket
/// it fixes, never a value a request carried.
/// </summary>
internal sealed class PopulationInstruments
{
    private readonly ObservedSources<PersonalisationSnapshot> _snapshots = new();

    public PopulationInstruments(Meter meter)
    {
        meter.CreateObservableCounter("policyascode.population.resolutions", Resolutions, "{resolution}", "Resolutions counted for societal monitoring, per jurisdiction; only counts of at least the threshold.");
        meter.CreateObservableCounter("policyascode.population.requested", () => Values(ValueSide.Requested), "{resolution}", "Resolutions whose requested value fell in a bucket, per dimension and jurisdiction; only buckets seen at least the threshold.");
        meter.CreateObservableCounter("policyascode.population.effective", () => Values(ValueSide.Effective), "{resolution}", "Resolutions whose effective value fell in a bucket, per dimension and jurisdiction; only buckets seen at least the threshold.");
        meter.CreateObservableCounter("policyascode.population.adjustments", Adjustments, "{adjustment}", "Values held at a bound, waived, failed closed or contradicted, per dimension, tier and bound; only counts of at least the threshold.");
        meter.CreateObservableCounter("policyascode.population.decisions", Decisions, "{decision}", "Decisions counted for societal monitoring: the denominator of refusal rates; reported once at least the threshold.");
        meter.CreateObservableCounter("policyascode.population.refusals", Refusals, "{refusal}", "Refused hazards per hazard and refusing tier; only counts of at least the threshold.");
    }

    public ObservedSources<PersonalisationSnapshot> Snapshots => _snapshots;

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private IEnumerable<Measurement<long>> Resolutions()
    {
        foreach (var snapshot in _snapshots.Read())
        {
            foreach (var count in snapshot.ResolutionsByJurisdiction)
            {
                yield return new(count.Count, Tag(PolicyTelemetry.PolicyNameTag, snapshot.Policy), Tag(PolicyTelemetry.JurisdictionTag, count.Jurisdiction));
            }
        }
    }

    private IEnumerable<Measurement<long>> Values(ValueSide side)
    {
        foreach (var snapshot in _snapshots.Read())
        {
            foreach (var value in snapshot.Values)
            {
                if (value.Side == side)
                {
                    yield return new(
                        value.Count,
                        Tag(PolicyTelemetry.PolicyNameTag, snapshot.Policy),
                        Tag(PolicyTelemetry.DimensionTag, value.Dimension),
                        Tag(PolicyTelemetry.JurisdictionTag, value.Jurisdiction),
                        Tag(MonitoringTags.ValueBucket, value.Bucket));
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> Adjustments()
    {
        foreach (var snapshot in _snapshots.Read())
        {
            foreach (var adjustment in snapshot.Adjustments)
            {
                yield return new(
                    adjustment.Count,
                    Tag(PolicyTelemetry.PolicyNameTag, snapshot.Policy),
                    Tag(PolicyTelemetry.DimensionTag, adjustment.Dimension),
                    Tag(PolicyTelemetry.AdjustmentCauseTag, PolicyTelemetry.CauseName(adjustment.Cause)),
                    Tag(PolicyTelemetry.TierRankTag, PolicyTelemetry.RankName(adjustment.Tier)),
                    Tag(PolicyTelemetry.TierNameTag, PolicyTelemetry.TierName(adjustment.Tier)),
                    Tag(PolicyTelemetry.TierWithinTag, PolicyTelemetry.TierWithin(adjustment.Tier)),
                    Tag(MonitoringTags.Bound, adjustment.Bound),
                    Tag(MonitoringTags.BoundCondition, adjustment.Condition),
                    Tag(PolicyTelemetry.BenefitsTag, snapshot.Registry is { } withBenefits ? RuleLinkIds.For(withBenefits).Benefits(adjustment.Rule) : "none"),
                    Tag(PolicyTelemetry.RisksTag, snapshot.Registry is { } withRisks ? RuleLinkIds.For(withRisks).Risks(adjustment.Rule) : "none"));
            }
        }
    }

    private IEnumerable<Measurement<long>> Decisions()
    {
        foreach (var snapshot in _snapshots.Read())
        {
            if (snapshot.Decisions is { } decisions)
            {
                yield return new(decisions, Tag(PolicyTelemetry.PolicyNameTag, snapshot.Policy));
            }
        }
    }

    private IEnumerable<Measurement<long>> Refusals()
    {
        foreach (var snapshot in _snapshots.Read())
        {
            foreach (var refusal in snapshot.Refusals)
            {
                yield return new(
                    refusal.Count,
                    Tag(PolicyTelemetry.PolicyNameTag, snapshot.Policy),
                    Tag(PolicyTelemetry.HazardTag, refusal.Hazard),
                    Tag(PolicyTelemetry.TierRankTag, PolicyTelemetry.RankName(refusal.Tier)),
                    Tag(PolicyTelemetry.TierNameTag, PolicyTelemetry.TierName(refusal.Tier)),
                    Tag(PolicyTelemetry.TierWithinTag, PolicyTelemetry.TierWithin(refusal.Tier)));
            }
        }
    }
}
