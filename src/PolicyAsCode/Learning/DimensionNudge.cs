namespace PolicyAsCode.Learning;

/// <summary>What one piece of feedback says about one dimension.</summary>
/// <param name="Dimension">The dimension's name (the user-tier property).</param>
/// <param name="Direction">Which way the user wants it to move.</param>
/// <param name="Label">What the user pressed or said, e.g. "too long", for explanations.</param>
public sealed record DimensionNudge(string Dimension, FeedbackDirection Direction, string? Label = null);
