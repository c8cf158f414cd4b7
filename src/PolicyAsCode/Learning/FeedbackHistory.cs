using System;
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>Everything a learner reads about one user: their feedback and their undos.</summary>
/// <param name="Events">The feedback, in any order.</param>
/// <param name="Resets">The undos, in any order.</param>
public sealed record FeedbackHistory(IReadOnlyList<FeedbackEvent> Events, IReadOnlyList<LearningReset> Resets)
{
    /// <summary>No feedback and no undo.</summary>
    public static FeedbackHistory Empty { get; } = new([], []);

    /// <summary>When nudges on <paramref name="dimension"/> start counting: the latest undo of it, or the beginning of time.</summary>
    public DateTimeOffset CountsFrom(string dimension)
    {
        var from = DateTimeOffset.MinValue;
        foreach (var reset in Resets)
        {
            if (string.Equals(reset.Dimension, dimension, StringComparison.Ordinal) && reset.At > from)
            {
                from = reset.At;
            }
        }

        return from;
    }
}
