using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.Extensions.AI;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.AI;

/// <summary>Adds the policy middleware to a chat client pipeline.</summary>
public static class PolicyChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="PolicyChatClient{TPreferences}"/> whose pieces come from the service provider the pipeline is
    /// built with (see <c>services.AddPolicy&lt;TPreferences&gt;()</c>). Fails when no <see cref="IHazardClassifier"/> is registered:
    /// a policy middleware that cannot classify would pass everything.
    /// </summary>
    public static ChatClientBuilder UsePolicy<TPreferences>(this ChatClientBuilder builder, Action<PolicyChatClientOptions>? configure = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var engine = services.GetService<PolicyEngine<TPreferences>>()
                ?? throw new InvalidOperationException($"No policy engine for {typeof(TPreferences).Name} is registered: call services.AddPolicy<{typeof(TPreferences).Name}>().");
            var classifier = services.GetService<IHazardClassifier>()
                ?? throw new InvalidOperationException("No hazard classifier is registered: call AddHazardClassifier<T>() or AddLlamaGuardClassifier(...) on the policy builder.");
            var options = services.GetService<IOptionsMonitor<PolicyChatClientOptions>>()?.Get(PolicyOverlayOptions.NameFor<TPreferences>()) ?? new PolicyChatClientOptions();
            configure?.Invoke(options);
            return new PolicyChatClient<TPreferences>(
                inner,
                engine,
                classifier,
                services.GetService<IPreferencesAccessor<TPreferences>>(),
                services.GetService<IInstructionRenderer<TPreferences>>(),
                services.GetService<IRefusalMessageRenderer>(),
                services.GetService<PolicyTelemetry>(),
                services.GetService<PolicyDecisionLogger>(),
                options,
                PolicyObservers.From<TPreferences>(services),
                services.GetService<PolicyDecisionRecorder>());
        });
    }

    /// <summary>Adds a <see cref="PolicyChatClient{TPreferences}"/> built from explicit pieces, without dependency injection.</summary>
    public static ChatClientBuilder UsePolicy<TPreferences>(
        this ChatClientBuilder builder,
        PolicyEngine<TPreferences> engine,
        IHazardClassifier classifier,
        Action<PolicyChatClientOptions>? configure = null,
        PolicyTelemetry? telemetry = null,
        PolicyDecisionLogger? log = null,
        IPolicyObserver<TPreferences>? observer = null,
        PolicyDecisionRecorder? recorder = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(classifier);
        var options = new PolicyChatClientOptions();
        configure?.Invoke(options);
        return builder.Use(inner => new PolicyChatClient<TPreferences>(inner, engine, classifier, telemetry: telemetry, log: log, options: options, observer: observer, recorder: recorder));
    }
}
