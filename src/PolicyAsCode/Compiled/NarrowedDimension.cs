using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// One dimension as the bounds that apply in one context leave it (<see cref="Binding.Narrow"/>): what a value may hold
/// and be granted as asked, and the interpreter's own step for any other value. An overlaid snapshot keeps one per
/// dimension and context, and the generated <see cref="IUserTierPolicy{TSelf}.ResolveWithin"/> reads a request against
/// them, so it answers as the interpreter of the overlaid registry answers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NarrowedDimension
{
    private readonly DimensionInfo _dimension;
    private readonly DimensionNarrowing _narrowing;

    /// <summary>Keeps what <paramref name="narrowing"/> leaves of <paramref name="dimension"/> in one context.</summary>
    public NarrowedDimension(DimensionInfo dimension, DimensionNarrowing narrowing)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        _dimension = dimension;
        _narrowing = narrowing;

        // Where applicable bounds contradict each other no request is granted as asked: the strictest value is.
        Within = narrowing.Conflict >= 0 ? Lattice.Empty(dimension.Kind) : narrowing.Strict;
    }

    /// <summary>What a readable value may hold and be granted as asked: the strict meet, or nothing where bounds contradict.</summary>
    public Bound Within { get; }

    /// <summary>The applicable bounds intersected in canonical order.</summary>
    public DimensionNarrowing Narrowing => _narrowing;

    /// <summary>
    /// Resolves a value that is not <see cref="Within"/>, or was not asked, by <see cref="PolicyInterpreter"/>'s own
    /// step, and records the cause in <paramref name="adjusted"/>; returns the value granted.
    /// </summary>
    /// <param name="value">The value asked (ignored when <paramref name="asked"/> is false).</param>
    /// <param name="asked">Whether the request was read and this value is not listed unreadable.</param>
    /// <param name="adjusted">Where the cause of the adjustment is recorded.</param>
    public DimensionValue Resolve(DimensionValue value, bool asked, ref AdjustmentRecorder adjusted)
    {
        var readable = asked && _dimension.InDomain(value);
        if (PolicyInterpreter.ResolveDimension(_dimension, in _narrowing, value, readable, out var granted) is { } cause)
        {
            adjusted.Record(_dimension.Index, cause);
        }

        return granted;
    }
}
