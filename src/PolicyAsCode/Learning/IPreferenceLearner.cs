// serve: placeholder until learn merges
using System;

namespace PolicyAsCode.Learning;

/// <summary>Turns a user's feedback history into proposed preferences.</summary>
public interface IPreferenceLearner
{
    /// <summary>What <paramref name="history"/> proposes to change, starting from <paramref name="start"/>.</summary>
    LearnedPreferences Learn(PolicyRegistry registry, ReadOnlySpan<DimensionValue> start, FeedbackHistory history, DateTimeOffset now);
}
