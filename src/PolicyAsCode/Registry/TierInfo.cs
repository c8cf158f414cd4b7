using System.Linq;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>One tier of a compiled policy.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Tiers"/>: higher tiers come first.</param>
/// <param name="Name">The jurisdiction (immutable tiers), the organisation's name, or the user tier's type name.</param>
/// <param name="TypeName">The tier record's full type name.</param>
/// <param name="Rank">Immutable, organisation or user.</param>
/// <param name="Within">Indexes of the tiers this tier narrows.</param>
public sealed record TierInfo(int Index, string Name, string TypeName, TierRank Rank, ImmutableArray<int> Within)
{
    /// <summary>The jurisdiction of an immutable tier, else null.</summary>
    public string? Jurisdiction => Rank == TierRank.Immutable ? Name : null;

    /// <summary>
    /// For a law, the jurisdictions its own sits within, nearest first (DE-BY: DE, EU), whose laws apply wherever it
    /// does; empty otherwise. <see cref="PolicyRegistry"/> fills it from the tiers' <see cref="Within"/>.
    /// </summary>
    public ImmutableArray<string> EnclosingLaws { get; init; } = [];

    /// <summary>Equality by value, including the contents of <see cref="Within"/> and <see cref="EnclosingLaws"/>.</summary>
    public bool Equals(TierInfo? other) =>
        other is not null && Index == other.Index && Name == other.Name && TypeName == other.TypeName && Rank == other.Rank
        && RecordEquality.Same(Within, other.Within) && RecordEquality.Same(EnclosingLaws, other.EnclosingLaws);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Index, Name, TypeName, Rank);

    /// <summary>The tier as a reader names it: "law of DE within EU", "organisation acme", "user tier Prefs".</summary>
    public override string ToString() => Wording.Tier(Rank, Name, EnclosingLaws);
}
