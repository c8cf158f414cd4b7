namespace PolicyAsCode;

/// <summary>
/// Which bound an adjustment cites (docs/semantics.md, section 6): the one answer for every evaluator, asked only when
/// a resolution is explained. Each returns the bound's canonical index, or -1 when no bound is responsible.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class Citation
{
    /// <summary>A contradiction cites the first applicable bound that emptied the meet, which resolution skipped.</summary>
    public static int OfContradiction(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context) =>
        Binding.Narrow(shape, dimension, jurisdiction, context).Conflict;

    /// <summary>
    /// A value that failed closed cites the first applicable bound whose own strictest value it was granted, else the
    /// first applicable bound.
    /// </summary>
    public static int OfFailClosed(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context, DimensionValue granted)
    {
        var higherIsStricter = shape.Dimensions[dimension].HigherIsStricter;
        var first = -1;
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (!Binding.Applies(shape, bound, jurisdiction, context))
            {
                continue;
            }

            if (Lattice.Strictest(bound.Bound, higherIsStricter) == granted)
            {
                return bound.Index;
            }

            if (first < 0)
            {
                first = bound.Index;
            }
        }

        return first;
    }

    /// <summary>
    /// A clamped or waived value cites the first applicable bound that excludes the requested value and agrees with
    /// the outcome: a bound the user validly waives when the value was granted under a waiver, any other when not.
    /// </summary>
    public static int OfMove(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context, DimensionValue requested, bool waived)
    {
        foreach (var bound in shape.BoundsOn(dimension))
        {
            if (Binding.Applies(shape, bound, jurisdiction, context) && !Lattice.Contains(bound.Bound, requested)
                && waived == Binding.IsWaived(shape, bound, TierRank.User, context))
            {
                return bound.Index;
            }
        }

        return -1;
    }
}
