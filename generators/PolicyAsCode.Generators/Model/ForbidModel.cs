namespace PolicyAsCode.Generators.Model;

/// <summary>A tier's hazard rule, or (with a dimension) the user's own hazard list.</summary>
internal sealed record ForbidModel(int Index, int Tier, ulong Hazards, uint When, uint Unless, string? Reason, int Dimension, SourceLocation? Location, EquatableArray<int> Mitigates = default)
{
    public bool IsUsersOwn => Dimension >= 0;
}
