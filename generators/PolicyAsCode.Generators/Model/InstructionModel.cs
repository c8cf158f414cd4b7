namespace PolicyAsCode.Generators.Model;

/// <summary>One [Instruction] of a dimension: its sentence, the only value it words (encoded; null for any) and whether only a waived value.</summary>
internal sealed record InstructionModel(string Template, DimensionValue? For, bool Waived);
