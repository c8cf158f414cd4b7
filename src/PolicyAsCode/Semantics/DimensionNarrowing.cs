namespace PolicyAsCode;

/// <summary>The bounds that apply to one dimension in one context, intersected in canonical order.</summary>
/// <param name="Strict">The meet of every applicable bound that did not contradict the ones before it.</param>
/// <param name="Relaxed">The same, without the bounds the user tier validly waives here.</param>
/// <param name="Conflict">The canonical index of the first applicable bound that emptied the meet and was skipped, or -1.</param>
/// <param name="AnyWaived">Whether the user tier validly waives some applicable bound here.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct DimensionNarrowing(Bound Strict, Bound Relaxed, int Conflict, bool AnyWaived)
{
    /// <summary>
    /// What a request may hold and be granted as asked: on a contradiction only the strictest value of the strict
    /// meet (it is what resolution grants); else the relaxed meet when the user waives something, the strict one otherwise.
    /// </summary>
    public Bound Allowed(ShapeDimension dimension)
    {
        if (Conflict >= 0)
        {
            var only = Lattice.Strictest(Strict, dimension.HigherIsStricter);
            return Lattice.Build(dimension.Domain, BoundForm.Locked, only, only);
        }

        return AnyWaived ? Relaxed : Strict;
    }
}
