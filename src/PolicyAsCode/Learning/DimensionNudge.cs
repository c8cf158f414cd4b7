// serve: placeholder until learn merges
namespace PolicyAsCode.Learning;

/// <summary>Feedback that one dimension should move one way.</summary>
/// <param name="Dimension">The dimension's name, as the policy declares it.</param>
/// <param name="Direction">Which way.</param>
/// <param name="Label">What the user said, for example "too long".</param>
public sealed record DimensionNudge(string Dimension, FeedbackDirection Direction, string? Label = null);
