namespace PolicyAsCode.Testing;

/// <summary>An expected effective value.</summary>
/// <param name="Dimension">The dimension's JSON name, as preferences write it (<c>memoryDays</c>).</param>
/// <param name="Json">The value in the wire format, as JSON text.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedValue(string Dimension, string Json, string Path);
