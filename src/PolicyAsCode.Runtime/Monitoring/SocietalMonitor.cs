using System;
using System.Collections.Generic;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Societal monitoring of one policy: an <see cref="IPolicyObserver{TPreferences}"/> that counts every resolution and
/// decision into <see cref="PersonalisationAggregates"/> and exports their snapshot, thresholded at
/// <see cref="MinimumBucketSize"/>, through <see cref="PolicyTelemetry"/>'s observable <c>policyascode.population.*</c>
/// instruments. Nothing is exported per request: the instruments read the snapshot when a collector asks, so a bucket
/// under the threshold never leaves the process. Thread-safe.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class SocietalMonitor<TPreferences> : IPolicyObserver<TPreferences>, IDisposable
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly IDisposable? _export;

    /// <summary>Monitors the policy with <paramref name="options"/>, exporting through <paramref name="telemetry"/> when given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The minimum bucket size is below 1.</exception>
    public SocietalMonitor(SocietalMonitoringOptions? options = null, PolicyTelemetry? telemetry = null)
    {
        options ??= new SocietalMonitoringOptions();
        if (options.MinimumBucketSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumBucketSize, "SocietalMonitoringOptions.MinimumBucketSize must be at least 1.");
        }

        MinimumBucketSize = options.MinimumBucketSize;
        Aggregates = new PersonalisationAggregates(TPreferences.Registry, new Dictionary<string, double[]>(options.CutPoints));
        _export = telemetry?.ExportPopulation(Snapshot);
    }

    /// <summary>The k-anonymity threshold applied to everything exported.</summary>
    public int MinimumBucketSize { get; }

    /// <summary>The counts kept (in this process only; only <see cref="Snapshot"/> of them is exported).</summary>
    public PersonalisationAggregates Aggregates { get; }

    /// <summary>The aggregates with the threshold applied: what the instruments export.</summary>
    public PersonalisationSnapshot Snapshot() => Aggregates.Snapshot(MinimumBucketSize);

    /// <inheritdoc/>
    public void OnResolution(PolicySnapshot<TPreferences> snapshot, TPreferences? requested, DimensionSet unreadable, in PolicyContext context, in Resolution<TPreferences> resolution) =>
        Aggregates.AddResolution(requested, unreadable, in resolution);

    /// <inheritdoc/>
    public void OnDecision(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution, in Decision decision, ContentStage stage) =>
        Aggregates.AddDecision(in decision);

    /// <summary>Stops exporting.</summary>
    public void Dispose() => _export?.Dispose();
}
