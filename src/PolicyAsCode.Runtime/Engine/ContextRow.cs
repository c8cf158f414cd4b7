using PolicyAsCode.Compiled;

namespace PolicyAsCode.Runtime;

/// <summary>
/// What the kernel answers for one policy in one context (a jurisdiction and the state of every fact the policy
/// names), kept by <see cref="OverlaidEvaluator{TPreferences}"/> so that requests in that context never ask again.
/// </summary>
internal sealed class ContextRow
{
    private ContextRow(NarrowedDimension[] dimensions, Hazard forbidden, ulong active)
    {
        Dimensions = dimensions;
        Forbidden = forbidden;
        Active = active;
    }

    /// <summary>Per dimension, the applicable bounds intersected in canonical order (<see cref="Binding.Narrow"/>) and what they grant as asked.</summary>
    public NarrowedDimension[] Dimensions { get; }

    /// <summary>The hazards the tiers' rules refuse here (the user's own lists are added per request).</summary>
    public Hazard Forbidden { get; }

    /// <summary>Which of the tiers' hazard rules apply here (bit i: rule i).</summary>
    public ulong Active { get; }

    /// <summary>Asks the kernel about every dimension and hazard rule of <paramref name="registry"/> in one context.</summary>
    public static ContextRow Of(PolicyRegistry registry, PolicyInterpreter interpreter, int jurisdiction, in PolicyContext context)
    {
        var shape = registry.Shape;
        var dimensions = new NarrowedDimension[registry.Dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d] = new NarrowedDimension(registry.Dimensions[d], Binding.Narrow(shape, d, jurisdiction, context));
        }

        var forbidden = interpreter.TierForbids(jurisdiction, context, out var active);
        return new ContextRow(dimensions, forbidden, active);
    }
}
