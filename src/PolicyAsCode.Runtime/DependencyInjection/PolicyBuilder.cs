using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures a policy registered with <see cref="PolicyServiceCollectionExtensions.AddPolicy{TPreferences}"/>.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyBuilder<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    internal PolicyBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Follows the runtime overlay in <paramref name="section"/> (for example <c>configuration.GetSection("Policy:Overlay")</c>):
    /// read at start and again whenever the configuration reloads, checked, and swapped in atomically or rejected.
    /// </summary>
    public PolicyBuilder<TPreferences> BindOverlay(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var name = PolicyOverlayOptions.NameFor<TPreferences>();
        Services.AddSingleton<IConfigureOptions<PolicyOverlayOptions>>(new ConfigureOverlayFromConfiguration(name, section));
        Services.AddSingleton<IOptionsChangeTokenSource<PolicyOverlayOptions>>(new ConfigurationChangeTokenSource<PolicyOverlayOptions>(name, section));
        return this;
    }

    /// <summary>Sets the overlay in code (applied at start; use <see cref="PolicyEngine{TPreferences}.ApplyOverlay"/> to change it later).</summary>
    public PolicyBuilder<TPreferences> ConfigureOverlay(Func<PolicyOverlay, PolicyOverlay> overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        Services.Configure<PolicyOverlayOptions>(PolicyOverlayOptions.NameFor<TPreferences>(), o => o.Overlay = overlay(o.Overlay));
        return this;
    }

    /// <summary>Configures the decision log (for example <see cref="PolicyDecisionLogOptions.IncludeContent"/>).</summary>
    public PolicyBuilder<TPreferences> ConfigureDecisionLog(Action<PolicyDecisionLogOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Uses <typeparamref name="TClassifier"/> (a singleton) to detect hazards.</summary>
    public PolicyBuilder<TPreferences> AddHazardClassifier<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClassifier>()
        where TClassifier : class, IHazardClassifier
    {
        Services.Replace(ServiceDescriptor.Singleton<IHazardClassifier, TClassifier>());
        return this;
    }

    /// <summary>Uses the classifier <paramref name="factory"/> makes (once) to detect hazards.</summary>
    public PolicyBuilder<TPreferences> AddHazardClassifier(Func<IServiceProvider, IHazardClassifier> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }
}
