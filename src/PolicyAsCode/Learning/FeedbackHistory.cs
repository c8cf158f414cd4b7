// serve: placeholder until learn merges
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>A user's feedback and undos, oldest first.</summary>
/// <param name="Events">The feedback events.</param>
/// <param name="Resets">The undos.</param>
public sealed record FeedbackHistory(IReadOnlyList<FeedbackEvent> Events, IReadOnlyList<LearningReset> Resets);
