using System.Runtime.CompilerServices;

namespace PolicyAsCode;

/// <summary>
/// Which bounds bind where: the one answer to "does this bound apply in this jurisdiction and context", "does this
/// waiver hold there" and "what do the applicable bounds leave". The interpreter resolves with it, the analysers
/// and <c>pac verify</c> check with it, and cards, schemas and diffs describe a policy through it.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class Binding
{
    /// <summary>
    /// Whether a bound restricts in a jurisdiction and context: its tier applies there, its condition restricts
    /// (unknown facts count towards restricting), and no organisation holds a delegated waiver of it there.
    /// </summary>
    public static bool Applies(PolicyShape shape, in ShapeBound bound, int jurisdiction, in PolicyContext context) =>
        shape.TierApplies(bound.Tier, jurisdiction) && bound.Condition.Restricts(context)
        && !IsWaived(shape, bound, TierRank.Organisation, context);

    /// <summary>
    /// Whether a tier of rank <paramref name="claimant"/> validly waives a bound in a context: the bound is waivable by
    /// exactly that rank, and a tier of that rank claims the delegated waiver of the bound's tier on its dimension,
    /// with every fact of the claim's condition established (a waiver loosens, so it is never assumed).
    /// </summary>
    public static bool IsWaived(PolicyShape shape, in ShapeBound bound, TierRank claimant, in PolicyContext context)
    {
        if (bound.WaivableBy != claimant)
        {
            return false;
        }

        foreach (var claim in shape.ClaimsOn(bound.Dimension))
        {
            if (claim.IsDelegated && claim.Waived == bound.Tier && shape.Tiers[claim.Claimant].Rank == claimant
                && claim.Condition.Loosens(context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every applicable bound on a dimension, intersected in canonical order (section 4 of docs/semantics.md).</summary>
    public static DimensionNarrowing Narrow(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context)
    {
        var domain = shape.Dimensions[dimension].Domain;
        var strict = domain;
        var relaxed = domain;
        var conflict = -1;
        var ignored = -1;
        var anyWaived = false;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (!Applies(shape, bound, jurisdiction, context))
            {
                continue;
            }

            strict = Lattice.Narrow(strict, bound.Bound, bound.Index, ref conflict);
            if (IsWaived(shape, bound, TierRank.User, context))
            {
                anyWaived = true;
            }
            else
            {
                relaxed = Lattice.Narrow(relaxed, bound.Bound, bound.Index, ref ignored);
            }
        }

        return new DimensionNarrowing(strict, relaxed, conflict, anyWaived);
    }

    /// <summary>The values of a dimension a request may hold in a jurisdiction and context and be granted as asked.</summary>
    public static Bound Allowed(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context) =>
        Narrow(shape, dimension, jurisdiction, context).Allowed(shape.Dimensions[dimension]);

    /// <summary>
    /// What binds a choice made by <paramref name="tier"/> on a dimension in a jurisdiction and context: the applicable
    /// bounds of every higher rank (and, with <paramref name="includeOwnTier"/>, the tier's own) in canonical order,
    /// less, with <paramref name="exceptWaived"/>, those the tier's rank validly waives there. (A waiver lets a value
    /// through; it does not stop a contradicting bound from being skipped.) A bound that contradicts the ones before it is skipped, as
    /// resolution skips it; <paramref name="firstMissing"/> is then the canonical index of the first such bound.
    /// </summary>
    [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization: the analysers call it in every context of every rule, once per build
    public static Bound Above(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, bool includeOwnTier, bool exceptWaived, out int firstMissing)
    {
        var rank = shape.Tiers[tier].Rank;
        var meet = shape.Dimensions[dimension].Domain;
        firstMissing = -1;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            var higher = shape.Tiers[bound.Tier].Rank < rank;
            if (!(higher || (includeOwnTier && bound.Tier == tier)) || !Applies(shape, bound, jurisdiction, context)
                || (exceptWaived && higher && IsWaived(shape, bound, rank, context)))
            {
                continue;
            }

            meet = Lattice.Narrow(meet, bound.Bound, bound.Index, ref firstMissing);
        }

        return meet;
    }

    /// <summary>Whether a value written by a tier (a default, a preset) is used in a jurisdiction: its tier applies there.</summary>
    public static bool Uses(PolicyShape shape, int tier, int jurisdiction) => shape.TierApplies(tier, jurisdiction);

    /// <summary>Whether a bound of a lower tier is in force in a jurisdiction and context (before any higher bound is considered).</summary>
    public static bool InForce(PolicyShape shape, in ShapeBound bound, int jurisdiction, in PolicyContext context) =>
        shape.TierApplies(bound.Tier, jurisdiction) && bound.Condition.Restricts(context);
}
