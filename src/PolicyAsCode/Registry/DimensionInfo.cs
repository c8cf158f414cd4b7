using System.Linq;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>One dimension a user may personalise.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Dimensions"/>.</param>
/// <param name="Name">The user-tier property's name.</param>
/// <param name="Kind">The lattice the dimension's values form.</param>
/// <param name="TypeName">The property's type, as C# spells it.</param>
/// <param name="Members">Member names, by position (boolean, ordinal, choice) or flag names (set); empty for numbers.</param>
/// <param name="MemberValues">The underlying value of each member or flag.</param>
/// <param name="Domain">Every value the dimension's type can take.</param>
/// <param name="HigherIsStricter">Whether the highest values are the strictest (by default the lowest are).</param>
/// <param name="Default">The value a new user-tier record holds: its constant initialiser, or the type's default.</param>
/// <param name="HasInitialiser">Whether the user tier wrote an initialiser; without one, higher tiers' defaults apply.</param>
/// <param name="Description">One line describing the dimension.</param>
/// <param name="Enables">Benefits the dimension enables.</param>
/// <param name="Mitigates">Risks the dimension mitigates.</param>
public sealed record DimensionInfo(
    int Index,
    string Name,
    DimensionKind Kind,
    string TypeName,
    ImmutableArray<string> Members,
    ImmutableArray<long> MemberValues,
    Bound Domain,
    bool HigherIsStricter,
    DimensionValue Default,
    bool HasInitialiser,
    string? Description,
    ImmutableArray<Benefit> Enables,
    ImmutableArray<Risk> Mitigates)
{
    /// <summary>Whether the dimension holds the user's own forbidden hazards.</summary>
    public bool IsHazardSet => Kind == DimensionKind.Set && TypeName == "PolicyAsCode.Hazard";

    /// <summary>The encoding of a member value that is not in the domain (an undefined enum value, a string not listed).</summary>
    public static DimensionValue OutsideMembers => DimensionValue.OfPosition(Lattice.MaxMembers);

    /// <summary>Whether <paramref name="value"/> is a value of this dimension's type at all.</summary>
    public bool InDomain(DimensionValue value) => Kind switch
    {
        DimensionKind.Real => double.IsFinite(value.Number),
        DimensionKind.Integer => value.Number >= int.MinValue && value.Number <= int.MaxValue && value.Number == System.Math.Floor(value.Number),
        _ => Lattice.Contains(Domain, value),
    };

    /// <summary>What <see cref="Wording"/> needs to word this dimension's values and bounds.</summary>
    public DimensionWords Words => new(Kind, Members, MemberValues, Domain);

    /// <summary>The value as a reader of the policy would write it: a member name, a flag list or a number (<see cref="Wording.Value"/>).</summary>
    public string Format(DimensionValue value) => Wording.Value(Words, value);

    /// <summary>The canonical names of a set value (<see cref="Wording.FlagNames"/>).</summary>
    internal System.Collections.Generic.List<string> FlagNames(ulong mask, out ulong named) => Wording.FlagNames(Words, mask, out named);

    /// <summary>The bound as a reader of the policy would write it (<see cref="Wording.Bound"/>).</summary>
    public string Format(Bound bound) => Wording.Bound(Words, bound);

    /// <summary>
    /// How the assistant is told this dimension's value, from its <see cref="InstructionAttribute"/>s in source order;
    /// empty when it has none (instructions then use <see cref="Description"/> and the value).
    /// </summary>
    public ImmutableArray<InstructionText> Instructions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The instruction that best fits <paramref name="value"/> (held by a waiver when <paramref name="waived"/>); null when none does.</summary>
    public InstructionText? InstructionFor(DimensionValue value, bool waived)
    {
        InstructionText? best = null;
        var bestFit = -1;
        foreach (var instruction in Instructions)
        {
            var fit = instruction.Fit(value, waived);
            if (fit > bestFit)
            {
                (best, bestFit) = (instruction, fit);
            }
        }

        return best;
    }

    /// <summary>Equality by value, including array contents.</summary>
    public bool Equals(DimensionInfo? other) =>
        other is not null && Index == other.Index && Name == other.Name && Kind == other.Kind && TypeName == other.TypeName
        && RecordEquality.Same(Members, other.Members) && RecordEquality.Same(MemberValues, other.MemberValues) && Domain == other.Domain
        && HigherIsStricter == other.HigherIsStricter && Default == other.Default && HasInitialiser == other.HasInitialiser && Description == other.Description
        && RecordEquality.Same(Enables, other.Enables) && RecordEquality.Same(Mitigates, other.Mitigates)
        && RecordEquality.Same(Instructions, other.Instructions);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Index, Name, Kind);
}
