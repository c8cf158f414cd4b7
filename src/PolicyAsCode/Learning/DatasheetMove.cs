namespace PolicyAsCode.Learning;

/// <summary>Which way feedback pushed one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Direction">"lower" or "higher".</param>
/// <param name="People">How many people pushed it that way.</param>
/// <param name="Nudges">How many nudges.</param>
public sealed record DatasheetMove(string Dimension, string Direction, int People, int Nudges);
