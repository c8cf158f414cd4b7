namespace PolicyAsCode;

/// <summary>A higher tier's soft default for a dimension: the value users get when the user tier sets none.</summary>
/// <param name="Tier">Index of the tier.</param>
/// <param name="Dimension">Index of the dimension.</param>
/// <param name="Value">The default value.</param>
public sealed record TierDefault(int Tier, int Dimension, DimensionValue Value);
