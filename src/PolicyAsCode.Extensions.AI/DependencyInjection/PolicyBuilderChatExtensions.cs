using System;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAsCode;
using PolicyAsCode.Extensions.AI;
using PolicyAsCode.Extensions.AI.LlamaGuard;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a policy with the chat middleware's pieces. The middleware (<c>UsePolicy&lt;T&gt;()</c>) takes each piece from the
/// service provider and falls back to the default (<see cref="DefaultPreferencesAccessor{TPreferences}"/>,
/// <see cref="DefaultInstructionRenderer{TPreferences}"/>, <see cref="DefaultRefusalMessageRenderer"/>) when none is added;
/// only the hazard classifier has no default, since a middleware that cannot classify would pass everything.
/// </summary>
public static class PolicyBuilderChatExtensions
{
    /// <summary>
    /// Registers the policy (<see cref="PolicyServiceCollectionExtensions.AddPolicy{TPreferences}"/>) and configures its chat
    /// middleware with <paramref name="configureChat"/>.
    /// </summary>
    public static PolicyBuilder<TPreferences> AddPolicy<TPreferences>(this IServiceCollection services, Action<PolicyChatClientOptions> configureChat)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(configureChat);
        return services.AddPolicy<TPreferences>().ConfigureChat(configureChat);
    }

    // An extension block: the policy's type comes from the builder. C# cannot infer it while a method's own type
    // argument is named, so pieces are given by factory (AddInstructionRenderer(sp => new MyRenderer())); the
    // classifier, which any front end needs, is registered by PolicyBuilder itself (AddHazardClassifier<T>()).
    extension<TPreferences>(PolicyBuilder<TPreferences> policy)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        /// <summary>Configures the chat middleware.</summary>
        public PolicyBuilder<TPreferences> ConfigureChat(Action<PolicyChatClientOptions> configure)
        {
            ArgumentNullException.ThrowIfNull(policy);
            ArgumentNullException.ThrowIfNull(configure);
            policy.Services.Configure(PolicyOverlayOptions.NameFor<TPreferences>(), configure);
            return policy;
        }

        /// <summary>Uses a Llama Guard 3 model, behind the chat client <paramref name="guard"/> makes, to detect hazards.</summary>
        public PolicyBuilder<TPreferences> AddLlamaGuardClassifier(Func<IServiceProvider, IChatClient> guard, Action<LlamaGuardOptions>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return policy.AddHazardClassifier(sp =>
            {
                var options = new LlamaGuardOptions { CustomCategories = TPreferences.Registry.CustomHazards };
                configure?.Invoke(options);
                return new LlamaGuardClassifier(guard(sp), options);
            });
        }

        /// <summary>Uses the accessor <paramref name="factory"/> makes (once) to find each request's preferences and context.</summary>
        public PolicyBuilder<TPreferences> AddPreferencesAccessor(Func<IServiceProvider, IPreferencesAccessor<TPreferences>> factory)
        {
            ArgumentNullException.ThrowIfNull(factory);
            policy.Services.Replace(ServiceDescriptor.Singleton(factory));
            return policy;
        }

        /// <summary>Uses the renderer <paramref name="factory"/> makes (once) to render instructions.</summary>
        public PolicyBuilder<TPreferences> AddInstructionRenderer(Func<IServiceProvider, IInstructionRenderer<TPreferences>> factory)
        {
            ArgumentNullException.ThrowIfNull(factory);
            policy.Services.Replace(ServiceDescriptor.Singleton(factory));
            return policy;
        }

        /// <summary>Uses the renderer <paramref name="factory"/> makes (once) to word refusals.</summary>
        public PolicyBuilder<TPreferences> AddRefusalMessageRenderer(Func<IServiceProvider, IRefusalMessageRenderer> factory)
        {
            ArgumentNullException.ThrowIfNull(factory);
            policy.Services.Replace(ServiceDescriptor.Singleton(factory));
            return policy;
        }
    }
}
