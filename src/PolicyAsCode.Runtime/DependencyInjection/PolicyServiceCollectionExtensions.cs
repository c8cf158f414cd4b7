using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a compiled policy and the runtime pieces around it.</summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy whose user tier is <typeparamref name="TPreferences"/>, all as singletons: its
    /// <see cref="PolicyEngine{TPreferences}"/> (following the overlay options), <see cref="PolicyTelemetry"/>,
    /// <see cref="PolicyDecisionLogger"/> and <see cref="PolicyOverlayHealthCheck{TPreferences}"/>. Front ends add to the
    /// returned builder (the chat middleware's classifier in PolicyAsCode.Extensions.AI, the web endpoints in
    /// PolicyAsCode.AspNetCore).
    /// </summary>
    public static PolicyBuilder<TPreferences> AddPolicy<TPreferences>(this IServiceCollection services)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddSingleton(sp => new PolicyTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new PolicyDecisionLogger(sp.GetService<ILogger<PolicyDecisionLogger>>(), sp.GetService<IOptions<PolicyDecisionLogOptions>>()));
        services.TryAddSingleton(sp => new PolicyEngine<TPreferences>(
            sp.GetRequiredService<IOptionsMonitor<PolicyOverlayOptions>>(),
            sp.GetRequiredService<PolicyTelemetry>(),
            sp.GetService<ILogger<PolicyEngine<TPreferences>>>()));
        services.TryAddSingleton<PolicyOverlayHealthCheck<TPreferences>>();
        return new PolicyBuilder<TPreferences>(services);
    }
}
