namespace PolicyAsCode;

/// <summary>One dimension a resolution adjusted, and why: what a resolution records, before anything is explained.</summary>
/// <param name="Dimension">The dimension's index.</param>
/// <param name="Cause">Why it moved (or was granted only under a waiver).</param>
public readonly record struct AdjustedDimension(int Dimension, AdjustmentCause Cause);
