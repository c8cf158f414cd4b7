namespace PolicyAsCode.Documents;

/// <summary>
/// Which flags of a set dimension are offered to a user: every flag, except on the user's own hazard list, where a
/// custom hazard the policy never names (<c>Hazard.Custom3</c> without an <c>[assembly: HazardCategory]</c>) means
/// nothing to anyone: no classifier reports it, and no card can say what it is. Such a flag stays a value the reader
/// accepts (asking to avoid more only narrows), but the schema, the choices and the card do not offer it. A flag a
/// tier requires or a default holds is always shown, so nothing the policy itself puts on the list is hidden.
/// </summary>
internal static class OfferedFlags
{
    /// <summary>The mask of the flags of <paramref name="dimension"/> offered to a user (all bits for any other dimension).</summary>
    public static ulong Of(PolicyRegistry registry, DimensionInfo dimension)
    {
        if (!dimension.IsHazardSet)
        {
            return ulong.MaxValue;
        }

        var offered = (ulong)registry.KnownHazards | dimension.Default.Bits;
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == dimension.Index)
            {
                offered |= rule.Bound.Floor;
            }
        }

        foreach (var tierDefault in registry.Defaults)
        {
            if (tierDefault.Dimension == dimension.Index)
            {
                offered |= tierDefault.Value.Bits;
            }
        }

        return offered;
    }

    /// <summary><paramref name="bound"/> with the flags not offered taken out of its ceiling, for wording what a user may choose.</summary>
    public static Bound Within(Bound bound, ulong offered) =>
        bound.Kind == DimensionKind.Set && (bound.Ceiling & ~offered) != 0
            ? new Bound(bound.Kind, bound.Lo, bound.Hi, bound.Floor, bound.Ceiling & offered)
            : bound;
}
