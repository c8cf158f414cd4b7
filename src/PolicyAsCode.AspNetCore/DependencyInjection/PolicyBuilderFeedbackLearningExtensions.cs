using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Learns users' preferences from their feedback, within every bound.</summary>
public static class PolicyBuilderFeedbackLearningExtensions
{
    /// <summary>
    /// Learns each signed-in user's preferences from their feedback: every request's resolution
    /// (<see cref="CurrentResolution{TPreferences}"/>, so the chat and <c>GET preferences</c> too) layers what was
    /// learned under what the user set explicitly and resolves the result like any request, so a learned value never
    /// overrides an explicit choice and never leaves a bound. <c>MapPolicy</c> then also maps <c>POST feedback</c>,
    /// <c>GET learned</c> and <c>DELETE learned/{dimension}</c>. Needs <c>AddAspNetCore</c> and an
    /// <see cref="IFeedbackStore"/> (the EF Core stores register one).
    /// </summary>
    public static PolicyBuilder<TPreferences> AddFeedbackLearning<TPreferences>(this PolicyBuilder<TPreferences> policy, Action<FeedbackLearningOptions>? configure = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        var services = policy.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }
        else
        {
            services.AddOptions<FeedbackLearningOptions>();
        }

        services.TryAddSingleton(provider => new FeedbackLearning(
            provider.GetRequiredService<IOptions<FeedbackLearningOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return policy;
    }
}
