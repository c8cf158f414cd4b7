namespace PolicyAsCode.Generators.Model;

/// <summary>A higher tier's soft default: its property initialiser.</summary>
internal sealed record DefaultModel(int Tier, int Dimension, DimensionValue Value, SourceLocation? Location);
