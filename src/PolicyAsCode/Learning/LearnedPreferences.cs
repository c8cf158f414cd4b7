using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>What a learner proposes: one change per dimension that feedback moved, in dimension order.</summary>
/// <param name="Changes">The changes.</param>
public sealed record LearnedPreferences(IReadOnlyList<LearnedChange> Changes)
{
    /// <summary>Nothing learned.</summary>
    public static LearnedPreferences None { get; } = new([]);
}
