using System.Linq;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>One bound a tier sets on a dimension.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Bounds"/>: bounds are ordered by tier, then as written.</param>
/// <param name="Dimension">Index of the dimension.</param>
/// <param name="Tier">Index of the tier that set the bound.</param>
/// <param name="Form">How the bound was written.</param>
/// <param name="Bound">The values it allows, on the dimension's lattice.</param>
/// <param name="Condition">When it applies.</param>
/// <param name="WaivableBy">The one lower rank that may waive it, or null.</param>
/// <param name="Source">The attribute as written, e.g. <c>AtMost(Maturity.Teen)</c>.</param>
/// <param name="Reason">Why it exists.</param>
/// <param name="Enables">Benefits it enables.</param>
/// <param name="Mitigates">Risks it mitigates.</param>
/// <param name="UnderLaw">
/// The law tier a bound is confined to: it binds only where that law applies (a runtime overlay's entry for one
/// jurisdiction; see <see cref="ShapeBound.UnderLaw"/>). -1, as for every compiled bound: wherever its tier applies.
/// </param>
public sealed record BoundRule(
    int Index,
    int Dimension,
    int Tier,
    BoundForm Form,
    Bound Bound,
    Condition Condition,
    TierRank? WaivableBy,
    string Source,
    string? Reason,
    ImmutableArray<Benefit> Enables,
    ImmutableArray<Risk> Mitigates,
    int UnderLaw = -1)
{
    /// <summary>Equality by value, including array contents.</summary>
    public bool Equals(BoundRule? other) =>
        other is not null && Index == other.Index && Dimension == other.Dimension && Tier == other.Tier && Form == other.Form
        && Bound == other.Bound && Condition == other.Condition && WaivableBy == other.WaivableBy && Source == other.Source
        && Reason == other.Reason && RecordEquality.Same(Enables, other.Enables) && RecordEquality.Same(Mitigates, other.Mitigates)
        && UnderLaw == other.UnderLaw;

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Index, Dimension, Tier, Bound);
}
