namespace PolicyAsCode.Generators.Model;

/// <summary>One dimension: a property of the user tier.</summary>
/// <param name="Index">Position in declaration order.</param>
/// <param name="Name">The property name.</param>
/// <param name="Kind">Its lattice.</param>
/// <param name="TypeSyntax">Its type as generated code spells it (<c>global::…</c> or a keyword).</param>
/// <param name="TypeName">Its type's display name (no <c>global::</c>).</param>
/// <param name="Members">Members by position (boolean, ordinal, choice) or flags (set).</param>
/// <param name="Domain">Every value of the type.</param>
/// <param name="HigherIsStricter">Whether the highest values are strictest.</param>
/// <param name="Default">What a new record holds.</param>
/// <param name="HasInitialiser">Whether the user tier wrote an initialiser.</param>
/// <param name="Description">One line, from <c>[Described]</c>.</param>
/// <param name="Enables">Benefit numbers.</param>
/// <param name="Mitigates">Risk numbers.</param>
/// <param name="UndefinedValue">An underlying value no member has (ordinal), to stand for an out-of-domain value.</param>
/// <param name="Location">The property declaration.</param>
/// <param name="DefaultLocation">The initialiser, when there is one.</param>
/// <param name="Learnable">Whether the user tier marks it <c>[Learnable]</c>.</param>
internal sealed record DimensionModel(
    int Index,
    string Name,
    DimensionKind Kind,
    string TypeSyntax,
    string TypeName,
    EquatableArray<MemberModel> Members,
    Bound Domain,
    bool HigherIsStricter,
    DimensionValue Default,
    bool HasInitialiser,
    string? Description,
    EquatableArray<int> Enables,
    EquatableArray<int> Mitigates,
    long UndefinedValue,
    SourceLocation? Location,
    SourceLocation? DefaultLocation = null,
    bool Learnable = false)
{
    /// <summary>The dimension's [Instruction] sentences, in source order (read into <c>DimensionInfo.Instructions</c>).</summary>
    public EquatableArray<InstructionModel> Instructions { get; init; } = EquatableArray<InstructionModel>.Empty;

    public bool IsHazardSet => Kind == DimensionKind.Set && TypeName == KnownNames.Hazard;

    /// <summary>Whether the members are valued 0, 1, 2, ... in order, so a member's position is its value.</summary>
    public bool IsContiguous()
    {
        for (var p = 0; p < Members.Count; p++)
        {
            if (Members[p].Value != p)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="Wording"/> needs to word this dimension's values and bounds, as the registry's <c>DimensionInfo.Words</c> gives at run time.</summary>
    public DimensionWords Words => new(
        Kind,
        System.Collections.Immutable.ImmutableArray.CreateRange(System.Linq.Enumerable.Select(Members, m => m.Name)),
        System.Collections.Immutable.ImmutableArray.CreateRange(System.Linq.Enumerable.Select(Members, m => m.Value)),
        Domain);
}
