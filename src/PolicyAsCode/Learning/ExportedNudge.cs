namespace PolicyAsCode.Learning;

/// <summary>What an exported record says about one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Direction">"lower" or "higher".</param>
/// <param name="Label">What the user pressed or said, e.g. "too long".</param>
public sealed record ExportedNudge(string Dimension, string Direction, string? Label);
