using System;

namespace PolicyAsCode.Learning;

/// <summary>An undo: nudges on <paramref name="Dimension"/> given before <paramref name="At"/> no longer count.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="At">When the user undid what was learned.</param>
public sealed record LearningReset(string Dimension, DateTimeOffset At);
