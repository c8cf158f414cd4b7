using System.Collections.Generic;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Runtime;

/// <summary>Options of societal monitoring (<c>AddSocietalMonitoring</c>).</summary>
public sealed class SocietalMonitoringOptions
{
    /// <summary>
    /// The k-anonymity threshold: a bucket is exported once it was seen this many times, never before. At least 1;
    /// <see cref="PersonalisationAggregates.DefaultThreshold"/> (10) by default. It counts resolutions and decisions, not
    /// distinct users (docs/monitoring.md).
    /// </summary>
    public int MinimumBucketSize { get; set; } = PersonalisationAggregates.DefaultThreshold;

    /// <summary>
    /// Per dimension name, points to cut numbers at besides the ends of the policy's bounds (for example
    /// <c>["MemoryDays"] = [7]</c>). Constants an operator chooses, never values users sent.
    /// </summary>
    public IDictionary<string, double[]> CutPoints { get; } = new Dictionary<string, double[]>();
}
