namespace PolicyAsCode.Generators.Model;

/// <summary>A lower tier's claim of a waiver on one dimension.</summary>
internal sealed record WaiverModel(int Index, int Claimant, int Dimension, int Waived, uint When, bool IsDelegated, SourceLocation? Location);
