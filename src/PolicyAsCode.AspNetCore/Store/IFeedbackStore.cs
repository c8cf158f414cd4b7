using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// Where users' feedback and their undos of what was learned live. Learned values are never stored: they are learned
/// again from this history whenever they are needed, so what a user sees learned always follows from feedback they
/// can see, and an undo is a <see cref="LearningReset"/> that makes earlier feedback on a dimension stop counting.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>The most events <see cref="HistoryAsync"/> returns: the most recent ones (older feedback has decayed).</summary>
    const int HistoryLimit = 1000;

    /// <summary>Keeps <paramref name="feedback"/> for <paramref name="policy"/>; its id must be new.</summary>
    ValueTask AppendAsync(string policy, FeedbackEvent feedback, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's feedback for the policy (at most <see cref="HistoryLimit"/> events, the most recent) and every undo,
    /// each oldest first; empty lists when there is none.
    /// </summary>
    ValueTask<FeedbackHistory> HistoryAsync(string policy, string userId, CancellationToken cancellationToken = default);

    /// <summary>Keeps an undo of what was learned on one dimension for the user.</summary>
    ValueTask ResetAsync(string policy, string userId, LearningReset reset, CancellationToken cancellationToken = default);

    /// <summary>
    /// For an export for training: every event of the policy given in a context that established
    /// <paramref name="consent"/> (known and holding), oldest first. Events given without it are never returned.
    /// </summary>
    IAsyncEnumerable<FeedbackEvent> ConsentedAsync(string policy, Fact consent, CancellationToken cancellationToken = default);
}
