using System;

namespace PolicyAsCode.Learning;

/// <summary>
/// Turns a user's feedback history into proposed preferences. A proposal is only that: <see cref="LearnedLayers"/> keeps
/// it below what the user chose explicitly and inside the policy's learning rules, and resolution keeps it inside
/// every bound, so a learner need not know the bounds and cannot leave them.
/// </summary>
public interface IPreferenceLearner
{
    /// <summary>What <paramref name="history"/> teaches about preferences that start at <paramref name="start"/> (encoded, in dimension order), as of <paramref name="now"/>.</summary>
    LearnedPreferences Learn(PolicyRegistry registry, ReadOnlySpan<DimensionValue> start, FeedbackHistory history, DateTimeOffset now);
}
