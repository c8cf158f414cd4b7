// serve: placeholder until learn merges
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>What a learner proposes: one change per dimension it moved.</summary>
/// <param name="Changes">The changes.</param>
public sealed record LearnedPreferences(IReadOnlyList<LearnedChange> Changes);
