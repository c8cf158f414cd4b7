using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Json;
using PolicyAsCode.Learning;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.AspNetCore;

/// <summary>What a signed-in user's request asks for once learning is layered in, with the history it was learned from.</summary>
internal readonly record struct LayeredRequest<TPreferences>(TPreferences Requested, LearnedRequest<TPreferences>? Learned, FeedbackHistory? History)
    where TPreferences : class, IUserTierPolicy<TPreferences>;

// Learns from the user's history and lets LearnedLayers.Compose (the one place explicit > learned > default is decided)
// layer it under the explicit choices. Learned on the snapshot's registry, so an overlay's narrowing counts; the caller
// resolves the result on the same snapshot, so every bound applies to learned values as to any request.
internal static class LearnedLayering
{
    public static async ValueTask<LayeredRequest<TPreferences>> ComposeAsync<TPreferences>(
        IServiceProvider services, PolicySnapshot<TPreferences> snapshot, PolicyContext context, string? userId,
        StoredPreferences? stored, TPreferences requested, CancellationToken cancellationToken)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        // No user, no learning or no store: nothing was learned, and the request is what the user set (or the defaults).
        if (userId is null || services.GetService<FeedbackLearning>() is not { } learning || services.GetService<IFeedbackStore>() is not { } store)
        {
            return new(requested, null, null);
        }

        var registry = snapshot.Registry;
        var history = await store.HistoryAsync(TPreferences.Registry.Name, userId, cancellationToken).ConfigureAwait(false);
        var explicitDimensions = stored is null ? DimensionSet.Empty : LearnedLayers.ExplicitDimensions(registry, Encoding.UTF8.GetBytes(stored.Json));
        var learned = learning.Learner.Learn(registry, TPreferences.Encode(requested), history, learning.Time.GetUtcNow());
        var layered = LearnedLayers.Compose(registry, requested, explicitDimensions, learned, in context);
        return new(layered.Requested, layered, history);
    }
}
