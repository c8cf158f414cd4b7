using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace PolicyAsCode.Runtime;

/// <summary>What one engine serves: the policy, the version in force, the compiled version under it, the overlay revision.</summary>
internal readonly record struct ServedPolicy(string Name, string Version, string CompiledVersion, long Revision);

/// <summary>
/// Fleet status: <c>policyascode.policy.info</c>, an observable gauge of value 1 per policy an engine in this instance
/// serves, whose attributes name the version in force and its overlay revision, so an operator sees which instances run
/// which policy. Read when a collector asks; always on, as it carries nothing about users.
/// </summary>
internal sealed class FleetStatus
{
    private readonly ObservedSources<ServedPolicy> _served = new();

    public FleetStatus(Meter meter) =>
        meter.CreateObservableGauge("policyascode.policy.info", Observe, "{policy}", "The policy version this instance serves, one series per policy; the value is always 1.");

    public ObservedSources<ServedPolicy> Served => _served;

    private IEnumerable<Measurement<long>> Observe()
    {
        foreach (var policy in _served.Read())
        {
            yield return new Measurement<long>(
                1,
                new KeyValuePair<string, object?>(PolicyTelemetry.PolicyNameTag, policy.Name),
                new KeyValuePair<string, object?>(PolicyTelemetry.PolicyVersionTag, policy.Version),
                new KeyValuePair<string, object?>(MonitoringTags.CompiledVersion, policy.CompiledVersion),
                new KeyValuePair<string, object?>(MonitoringTags.OverlayRevision, policy.Revision));
        }
    }
}
