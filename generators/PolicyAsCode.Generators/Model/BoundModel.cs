namespace PolicyAsCode.Generators.Model;

/// <summary>One bound a tier sets on a dimension.</summary>
/// <param name="Index">Position: by tier, then as written.</param>
/// <param name="Dimension">Dimension index.</param>
/// <param name="Tier">Tier index.</param>
/// <param name="Form">How it was written.</param>
/// <param name="Bound">The values it allows.</param>
/// <param name="When">Facts (as <c>Fact</c> bits) that must hold.</param>
/// <param name="Unless">Facts that switch it off.</param>
/// <param name="WaivableBy">Rank that may waive it, or 0.</param>
/// <param name="Source">The attribute as written.</param>
/// <param name="Reason">Why it exists.</param>
/// <param name="Enables">Benefit numbers.</param>
/// <param name="Mitigates">Risk numbers.</param>
/// <param name="Location">The attribute.</param>
/// <param name="ValueLocation">The bound's first value as written, where a fix would change it.</param>
/// <param name="FirstValue">That value on the lattice (null for <c>[Allowed]</c>).</param>
internal sealed record BoundModel(
    int Index,
    int Dimension,
    int Tier,
    BoundForm Form,
    Bound Bound,
    uint When,
    uint Unless,
    int WaivableBy,
    string Source,
    string? Reason,
    EquatableArray<int> Enables,
    EquatableArray<int> Mitigates,
    SourceLocation? Location,
    SourceLocation? ValueLocation,
    DimensionValue? FirstValue)
{
    public bool IsConditional => When != 0 || Unless != 0;
}
