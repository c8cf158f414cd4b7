using System;
using System.Diagnostics.CodeAnalysis;
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

    // An extension block, so a classifier or renderer is named alone (AddHazardClassifier<MyClassifier>()) while the
    // policy's type comes from the builder.
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

        /// <summary>Uses <typeparamref name="TClassifier"/> (a singleton) to detect hazards.</summary>
        public PolicyBuilder<TPreferences> AddHazardClassifier<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClassifier>()
            where TClassifier : class, IHazardClassifier
        {
            ArgumentNullException.ThrowIfNull(policy);
            policy.Services.Replace(ServiceDescriptor.Singleton<IHazardClassifier, TClassifier>());
            return policy;
        }

        /// <summary>Uses the classifier <paramref name="factory"/> makes (once) to detect hazards.</summary>
        public PolicyBuilder<TPreferences> AddHazardClassifier(Func<IServiceProvider, IHazardClassifier> factory)
        {
            ArgumentNullException.ThrowIfNull(policy);
            ArgumentNullException.ThrowIfNull(factory);
            policy.Services.Replace(ServiceDescriptor.Singleton(factory));
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

        /// <summary>Uses <typeparamref name="TAccessor"/> (a singleton) to find each request's preferences and context.</summary>
        public PolicyBuilder<TPreferences> AddPreferencesAccessor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAccessor>()
            where TAccessor : class, IPreferencesAccessor<TPreferences>
        {
            ArgumentNullException.ThrowIfNull(policy);
            policy.Services.Replace(ServiceDescriptor.Singleton<IPreferencesAccessor<TPreferences>, TAccessor>());
            return policy;
        }

        /// <summary>Uses <typeparamref name="TRenderer"/> (a singleton) to render instructions.</summary>
        public PolicyBuilder<TPreferences> AddInstructionRenderer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRenderer>()
            where TRenderer : class, IInstructionRenderer<TPreferences>
        {
            ArgumentNullException.ThrowIfNull(policy);
            policy.Services.Replace(ServiceDescriptor.Singleton<IInstructionRenderer<TPreferences>, TRenderer>());
            return policy;
        }

        /// <summary>Uses <typeparamref name="TRenderer"/> (a singleton) to word refusals.</summary>
        public PolicyBuilder<TPreferences> AddRefusalMessageRenderer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRenderer>()
            where TRenderer : class, IRefusalMessageRenderer
        {
            ArgumentNullException.ThrowIfNull(policy);
            policy.Services.Replace(ServiceDescriptor.Singleton<IRefusalMessageRenderer, TRenderer>());
            return policy;
        }
    }
}
