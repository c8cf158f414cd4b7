using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAsCode;
using PolicyAsCode.AspNetCore;
using PolicyAsCode.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Serves a policy registered with <c>AddPolicy</c> in ASP.NET Core.</summary>
public static class PolicyBuilderAspNetCoreExtensions
{
    /// <summary>
    /// Adds what <c>app.MapPolicy&lt;TPreferences&gt;(prefix)</c> and the chat middleware need in a web app: the request's
    /// context (<see cref="IPolicyContextResolver"/>, from claims by default), the request's resolution
    /// (<see cref="CurrentResolution{TPreferences}"/>, scoped), and an <see cref="IPreferencesAccessor{TPreferences}"/> that
    /// gives the chat middleware the signed-in user's stored preferences. A preferences store
    /// (<see cref="IPreferencesStore"/>) must be added for the preferences endpoints.
    /// </summary>
    public static PolicyBuilder<TPreferences> AddAspNetCore<TPreferences>(this PolicyBuilder<TPreferences> policy, Action<PolicyAspNetCoreOptions>? configure = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        var services = policy.Services;
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        else
        {
            services.AddOptions<PolicyAspNetCoreOptions>();
        }

        services.TryAddSingleton<IPolicyContextResolver, ClaimsPolicyContextResolver>();
        services.TryAddScoped<CurrentResolution<TPreferences>>();
        services.Replace(ServiceDescriptor.Singleton<IPreferencesAccessor<TPreferences>, HttpContextPreferencesAccessor<TPreferences>>());
        return policy;
    }
}
