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
    // The analysers run the check once per build, inside the compiler, where a method starts as unoptimised code and
    // is optimised only after many calls; these run in every context of every rule, so they are compiled optimised
    // from the start. (MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.)
    internal const MethodImplOptions Hot = (MethodImplOptions)512;

    /// <summary>
    /// Whether a bound restricts in a jurisdiction and context: its tier applies there (and the law it is confined to,
    /// if any: <see cref="ShapeBound.UnderLaw"/>), its condition restricts (unknown facts count towards restricting),
    /// and no organisation holds a delegated waiver of it there.
    /// </summary>
    public static bool Applies(PolicyShape shape, in ShapeBound bound, int jurisdiction, in PolicyContext context) =>
        InJurisdiction(shape, bound, jurisdiction) && bound.Condition.Restricts(context)
        && !IsWaived(shape, bound, TierRank.Organisation, context);

    /// <summary>
    /// Whether a bound may bind in a jurisdiction at all, whatever the context: its tier applies there, and so does the
    /// law it is confined to, if any. What a card or schema lists for a jurisdiction.
    /// </summary>
    public static bool InJurisdiction(PolicyShape shape, in ShapeBound bound, int jurisdiction) =>
        shape.TierApplies(bound.Tier, jurisdiction) && (bound.UnderLaw < 0 || shape.TierApplies(bound.UnderLaw, jurisdiction));

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
    [MethodImpl(Hot)]
    public static DimensionNarrowing Narrow(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context) =>
        Fold(shape, dimension, jurisdiction, context, -1);


    /// <summary>The values of a dimension a request may hold in a jurisdiction and context and be granted as asked.</summary>
    public static Bound Allowed(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context) =>
        Narrow(shape, dimension, jurisdiction, context).Allowed(shape.Dimensions[dimension]);

    /// <summary>
    /// The meet, in canonical order, of the bounds on a dimension that apply in every context of a jurisdiction: what
    /// the policy guarantees there whatever is known about the request. A condition, or a waiver an organisation claims
    /// under a condition, makes a bound apply in some contexts only, and it is left out.
    /// </summary>
    public static Bound Always(PolicyShape shape, int dimension, int jurisdiction)
    {
        var meet = shape.Dimensions[dimension].Domain;
        var conflict = -1;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            var always = true;
            foreach (var context in ContextSpace.Every(shape.JurisdictionName(jurisdiction), shape.FactsOn(dimension), shape.NeverTogether))
            {
                if (!Applies(shape, bound, jurisdiction, context))
                {
                    always = false;
                    break;
                }
            }

            if (always)
            {
                meet = Lattice.Narrow(meet, bound.Bound, bound.Index, ref conflict);
            }
        }

        return meet;
    }

    /// <summary>
    /// What binds a bound set by <paramref name="tier"/> on a dimension in a jurisdiction and context: the applicable
    /// bounds of every tier above it (<see cref="PolicyShape.IsAbove"/>), intersected in canonical order. A bound that contradicts the ones before it is
    /// skipped, as resolution skips it; <paramref name="firstMissing"/> is then the canonical index of the first such
    /// bound. (A user's waiver lets a value through; it does not stop a contradicting bound from being skipped, so
    /// waived bounds count here.)
    /// </summary>
    [MethodImpl(Hot)]
    public static Bound Above(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, out int firstMissing)
    {
        var meet = shape.Dimensions[dimension].Domain;
        firstMissing = -1;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (shape.IsAbove(bound.Tier, tier) && Applies(shape, bound, jurisdiction, context))
            {
                meet = Lattice.Narrow(meet, bound.Bound, bound.Index, ref firstMissing);
            }
        }

        return meet;
    }

    /// <summary>
    /// Whether a value written by <paramref name="tier"/> (a default, a preset's value) is granted as written in a
    /// jurisdiction and context. Every such value reaches resolution as the user's request, so it is resolved as one:
    /// against the applicable bounds of the tiers above the tier and of the tier itself (a lower tier's bounds are not
    /// its concern), with the user's valid waivers. <paramref name="binding"/> is what those bounds let through.
    /// </summary>
    [MethodImpl(Hot)]
    public static bool Grants(PolicyShape shape, int dimension, int tier, int jurisdiction, in PolicyContext context, DimensionValue value, out Bound binding)
    {
        var narrowing = Fold(shape, dimension, jurisdiction, context, tier);
        binding = narrowing.AnyWaived ? narrowing.Relaxed : narrowing.Strict;
        return Lattice.Contains(narrowing.Strict, value) || (narrowing.AnyWaived && Lattice.Contains(narrowing.Relaxed, value));
    }

    // Resolution's fold of the applicable bounds, in canonical order, of every tier above <paramref name="tier"/> and of
    // the tier itself (of every tier, for tier -1: the whole chain): the strict meet, and the relaxed one without the
    // bounds the user validly waives.
    [MethodImpl(Hot)]
    private static DimensionNarrowing Fold(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context, int tier)
    {
        var domain = shape.Dimensions[dimension].Domain;
        var strict = domain;
        var relaxed = domain;
        var conflict = -1;
        var ignored = -1;
        var anyWaived = false;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (!(tier < 0 || bound.Tier == tier || shape.IsAbove(bound.Tier, tier)) || !Applies(shape, bound, jurisdiction, context))
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


    /// <summary>Whether a value written by a tier (a default, a preset) is used in a jurisdiction: its tier applies there.</summary>
    public static bool Uses(PolicyShape shape, int tier, int jurisdiction) => shape.TierApplies(tier, jurisdiction);

    /// <summary>
    /// Whether a lower tier's bound is in force in a jurisdiction and context, before any higher bound is considered:
    /// it applies there (an organisation's delegated waiver of it included).
    /// </summary>
    public static bool InForce(PolicyShape shape, in ShapeBound bound, int jurisdiction, in PolicyContext context) =>
        Applies(shape, bound, jurisdiction, context);
}
