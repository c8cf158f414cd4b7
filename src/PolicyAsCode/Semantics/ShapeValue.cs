namespace PolicyAsCode;

/// <summary>A value a tier fixes on a dimension: a default (a property initialiser) or a preset's value.</summary>
/// <param name="Tier">The tier that wrote it.</param>
/// <param name="Dimension">The dimension.</param>
/// <param name="Value">The value.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeValue(int Tier, int Dimension, DimensionValue Value);
