using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.Extensions.AI;
using PolicyAsCode.Extensions.AI.LlamaGuard;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a compiled policy and the runtime pieces around it.</summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy whose user tier is <typeparamref name="TPreferences"/>, all as singletons: its
    /// <see cref="PolicyEngine{TPreferences}"/> (following the overlay options), <see cref="PolicyTelemetry"/>,
    /// <see cref="PolicyDecisionLogger"/>, and replaceable defaults for <see cref="IPreferencesAccessor{TPreferences}"/>,
    /// <see cref="IInstructionRenderer{TPreferences}"/> and <see cref="IRefusalMessageRenderer"/>. A hazard classifier must
    /// be added (<see cref="PolicyBuilder{TPreferences}.AddHazardClassifier{TClassifier}"/>) before the chat middleware is built.
    /// </summary>
    public static PolicyBuilder<TPreferences> AddPolicy<TPreferences>(this IServiceCollection services, Action<PolicyChatClientOptions>? configure = null)
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
        services.TryAddSingleton<IPreferencesAccessor<TPreferences>, DefaultPreferencesAccessor<TPreferences>>();
        services.TryAddSingleton<IInstructionRenderer<TPreferences>, DefaultInstructionRenderer<TPreferences>>();
        services.TryAddSingleton<IRefusalMessageRenderer, DefaultRefusalMessageRenderer>();
        if (configure is not null)
        {
            services.Configure(PolicyOverlayOptions.NameFor<TPreferences>(), configure);
        }

        return new PolicyBuilder<TPreferences>(services);
    }
}

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

    /// <summary>Configures the chat middleware.</summary>
    public PolicyBuilder<TPreferences> ConfigureChat(Action<PolicyChatClientOptions> configure)
    {
        Services.Configure(PolicyOverlayOptions.NameFor<TPreferences>(), configure);
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
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>Uses a Llama Guard 3 model, behind the chat client <paramref name="guard"/> makes, to detect hazards.</summary>
    public PolicyBuilder<TPreferences> AddLlamaGuardClassifier(Func<IServiceProvider, IChatClient> guard, Action<LlamaGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return AddHazardClassifier(sp =>
        {
            var options = new LlamaGuardOptions { CustomCategories = TPreferences.Registry.CustomHazards };
            configure?.Invoke(options);
            return new LlamaGuardClassifier(guard(sp), options);
        });
    }

    /// <summary>Uses <typeparamref name="TAccessor"/> (a singleton) to find each request's preferences and context.</summary>
    public PolicyBuilder<TPreferences> AddPreferencesAccessor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAccessor>()
        where TAccessor : class, IPreferencesAccessor<TPreferences>
    {
        Services.Replace(ServiceDescriptor.Singleton<IPreferencesAccessor<TPreferences>, TAccessor>());
        return this;
    }

    /// <summary>Uses <typeparamref name="TRenderer"/> (a singleton) to render instructions.</summary>
    public PolicyBuilder<TPreferences> AddInstructionRenderer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRenderer>()
        where TRenderer : class, IInstructionRenderer<TPreferences>
    {
        Services.Replace(ServiceDescriptor.Singleton<IInstructionRenderer<TPreferences>, TRenderer>());
        return this;
    }

    /// <summary>Uses <typeparamref name="TRenderer"/> (a singleton) to word refusals.</summary>
    public PolicyBuilder<TPreferences> AddRefusalMessageRenderer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRenderer>()
        where TRenderer : class, IRefusalMessageRenderer
    {
        Services.Replace(ServiceDescriptor.Singleton<IRefusalMessageRenderer, TRenderer>());
        return this;
    }
}
