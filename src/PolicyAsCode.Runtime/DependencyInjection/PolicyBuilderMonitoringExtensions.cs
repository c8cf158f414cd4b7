using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAsCode;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opts a policy into societal monitoring.</summary>
public static class PolicyBuilderMonitoringExtensions
{
    /// <summary>
    /// Counts how the population personalises under this policy (requested and effective values per dimension, values
    /// held at each bound, waivers, refusals per hazard and tier) and exports it on the <c>policyascode.population.*</c>
    /// instruments of the <c>PolicyAsCode</c> meter, only ever buckets seen at least
    /// <see cref="SocietalMonitoringOptions.MinimumBucketSize"/> times and never a value a user wrote. Fed by the chat
    /// middleware and, in ASP.NET Core, by each request's resolution. Off unless called. See docs/monitoring.md.
    /// </summary>
    public static PolicyBuilder<TPreferences> AddSocietalMonitoring<TPreferences>(this PolicyBuilder<TPreferences> policy, Action<SocietalMonitoringOptions>? configure = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        var options = new SocietalMonitoringOptions();
        configure?.Invoke(options);
        if (options.MinimumBucketSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), options.MinimumBucketSize, "SocietalMonitoringOptions.MinimumBucketSize must be at least 1.");
        }

        policy.Services.TryAddSingleton(sp => new SocietalMonitor<TPreferences>(options, sp.GetRequiredService<PolicyTelemetry>()));
        policy.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPolicyObserver<TPreferences>, SocietalMonitor<TPreferences>>(sp => sp.GetRequiredService<SocietalMonitor<TPreferences>>()));
        return policy;
    }
}
