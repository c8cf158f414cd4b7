using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// What the kernel answers for one policy in one context (a jurisdiction and the state of every fact the policy
/// names): each dimension as its applicable bounds leave it, and the hazards the tiers' rules refuse there. An overlaid
/// snapshot keeps one per context it has seen, so requests in that context never ask again, and the generated
/// <see cref="IUserTierPolicy{TSelf}.ResolveWithin"/> resolves against it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NarrowedContext
{
    private readonly NarrowedDimension[] _dimensions;

    // Each dimension's Within again, packed: the first pass reads only these, 16 bytes a dimension rather than a whole
    // NarrowedDimension's 150 or a Bound's 40 (at 1,000 dimensions the first pass then stays in the nearest caches).
    private readonly PackedBound[] _within;
    private readonly PolicyInterpreter _interpreter;
    private readonly Hazard _forbidden;
    private readonly ulong _active;

    /// <summary>Asks the kernel about every dimension and hazard rule of <paramref name="interpreter"/>'s registry in one context.</summary>
    internal NarrowedContext(PolicyInterpreter interpreter, int jurisdiction, in PolicyContext context)
    {
        var registry = interpreter.Registry;
        _dimensions = new NarrowedDimension[registry.Dimensions.Length];
        for (var d = 0; d < _dimensions.Length; d++)
        {
            _dimensions[d] = new NarrowedDimension(registry.Dimensions[d], Binding.Narrow(registry.Shape, d, jurisdiction, context));
        }

        _within = new PackedBound[_dimensions.Length];
        for (var d = 0; d < _within.Length; d++)
        {
            _within[d] = new PackedBound(_dimensions[d].Within);
        }

        _interpreter = interpreter;
        _forbidden = interpreter.TierForbids(jurisdiction, context, out _active);
        Jurisdiction = jurisdiction;
    }

    /// <summary>Per dimension, in dimension order, what the applicable bounds leave of it (<see cref="Binding.Narrow"/>).</summary>
    public ReadOnlySpan<NarrowedDimension> Dimensions => _dimensions;

    /// <summary>Per dimension, in dimension order, what a readable value may hold and be granted as asked (<see cref="NarrowedDimension.Within"/>).</summary>
    public ReadOnlySpan<PackedBound> Within => _within;

    /// <summary>The index of the matched jurisdiction in the registry, or -1.</summary>
    public int Jurisdiction { get; }

    /// <summary>
    /// The hazards refused in this context for a request granted <paramref name="effective"/> (encoded, in dimension
    /// order): the tiers' rules kept here and the user's own lists, read from the granted values.
    /// </summary>
    /// <param name="effective">The granted values.</param>
    /// <param name="active">Which hazard rules refuse (bit i: rule i).</param>
    public Hazard Forbids(ReadOnlySpan<DimensionValue> effective, out ulong active)
    {
        var forbidden = _forbidden;
        active = _active;
        _interpreter.OwnForbids(effective, ref forbidden, ref active);
        return forbidden;
    }
}
