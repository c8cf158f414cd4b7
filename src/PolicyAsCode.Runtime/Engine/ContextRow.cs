namespace PolicyAsCode.Runtime;

/// <summary>
/// What the kernel answers for one policy in one context (a jurisdiction and the state of every fact the policy
/// names), kept by <see cref="OverlaidEvaluator{TPreferences}"/> so that requests in that context never ask again.
/// </summary>
internal sealed class ContextRow
{
    private ContextRow(Bound[] within, DimensionNarrowing[] narrowings, Hazard forbidden, ulong active)
    {
        Within = within;
        Narrowings = narrowings;
        Forbidden = forbidden;
        Active = active;
    }

    /// <summary>Per dimension, what a value may hold and be granted as asked: the strict narrowing, or nothing where bounds contradict.</summary>
    public Bound[] Within { get; }

    /// <summary>Per dimension, the applicable bounds intersected in canonical order (<see cref="Binding.Narrow"/>).</summary>
    public DimensionNarrowing[] Narrowings { get; }

    /// <summary>The hazards the tiers' rules refuse here (the user's own lists are added per request).</summary>
    public Hazard Forbidden { get; }

    /// <summary>Which of the tiers' hazard rules apply here (bit i: rule i).</summary>
    public ulong Active { get; }

    /// <summary>Asks the kernel about every dimension and hazard rule of <paramref name="registry"/> in one context.</summary>
    public static ContextRow Of(PolicyRegistry registry, PolicyInterpreter interpreter, int jurisdiction, in PolicyContext context)
    {
        var shape = registry.Shape;
        var within = new Bound[registry.Dimensions.Length];
        var narrowings = new DimensionNarrowing[within.Length];
        for (var d = 0; d < within.Length; d++)
        {
            narrowings[d] = Binding.Narrow(shape, d, jurisdiction, context);
            within[d] = narrowings[d].Conflict >= 0 ? Lattice.Empty(registry.Dimensions[d].Kind) : narrowings[d].Strict;
        }

        var forbidden = interpreter.TierForbids(jurisdiction, context, out var active);
        return new ContextRow(within, narrowings, forbidden, active);
    }
}
