namespace PolicyAsCode.Monitoring;

/// <summary>How many resolutions had a value in one bucket of one dimension.</summary>
/// <param name="Dimension">The dimension's name.</param>
/// <param name="Side">Requested or effective.</param>
/// <param name="Jurisdiction">The jurisdiction matched, as the policy spells it, or <c>none</c>.</param>
/// <param name="Bucket">The bucket's label (<see cref="ValueBuckets.Labels"/>).</param>
/// <param name="Count">How many.</param>
public sealed record ValueCount(string Dimension, ValueSide Side, string Jurisdiction, string Bucket, long Count);
