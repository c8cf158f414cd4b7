using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

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
    private readonly int _index;

    // Whether a readable value that is not within is clamped into Within and nothing else: no applicable bound
    // contradicts another and the user waives none (PolicyInterpreter.ResolveDimension's last step, without a waiver).
    private readonly bool _clamps;

    // Member kinds that clamp: for each position of the domain, the position Lattice.Clamp grants (kept, as finding the
    // nearest allowed position takes a dozen bit operations a move would otherwise repeat).
    private readonly byte[]? _nearest;

    /// <summary>Keeps what <paramref name="narrowing"/> leaves of <paramref name="dimension"/> in one context.</summary>
    public NarrowedDimension(DimensionInfo dimension, DimensionNarrowing narrowing)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        _dimension = dimension;
        _narrowing = narrowing;
        _index = dimension.Index;

        // Where applicable bounds contradict each other no request is granted as asked: the strictest value is.
        Within = narrowing.Conflict >= 0 ? Lattice.Empty(dimension.Kind) : narrowing.Strict;
        _clamps = narrowing.Conflict < 0 && !narrowing.AnyWaived;
        _nearest = _clamps && Lattice.IsMembers(dimension.Kind) ? Nearest(dimension, narrowing.Strict) : null;
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
    [MethodImpl(MethodImplOptions.NoInlining)] // the rare step: the moves below inline, this stays out of their way
    public DimensionValue Resolve(DimensionValue value, bool asked, ref AdjustmentRecorder adjusted)
    {
        var readable = asked && _dimension.InDomain(value);
        if (PolicyInterpreter.ResolveDimension(_dimension, in _narrowing, value, readable, out var granted) is { } cause)
        {
            adjusted.Record(_index, cause);
        }

        return granted;
    }

    // The moves below are Resolve for a value that is not Within, inlined where they can be: a readable value of a
    // dimension that nothing here contradicts or waives is clamped into Within by Lattice.Clamp (for members, its answer
    // kept per position), which is the whole of the interpreter's step then; anything else takes the step itself. There
    // is one per kind, and the caller passes whether the value is readable (asked, and of the dimension's type), because
    // generated code knows both without asking: a move then costs a test, a record and a clamp.

    /// <summary><see cref="Resolve"/> for a member kind's value that is not <see cref="Within"/>.</summary>
    /// <param name="value">The value asked.</param>
    /// <param name="readable">Whether it was asked, is not listed unreadable and is one of the dimension's members.</param>
    /// <param name="adjusted">Where the cause of the adjustment is recorded.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DimensionValue MovePosition(DimensionValue value, bool readable, ref AdjustmentRecorder adjusted) =>
        readable && _nearest is { } nearest
            ? Clamped(DimensionValue.OfPosition(nearest[(int)value.Bits]), ref adjusted)
            : Resolve(value, readable, ref adjusted);

    /// <summary><see cref="Resolve"/> for an integer's or a real's value that is not <see cref="Within"/>.</summary>
    /// <param name="value">The value asked.</param>
    /// <param name="readable">Whether it was asked, is not listed unreadable and is finite.</param>
    /// <param name="adjusted">Where the cause of the adjustment is recorded.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DimensionValue MoveNumber(DimensionValue value, bool readable, ref AdjustmentRecorder adjusted) =>
        readable && _clamps
            ? Clamped(Lattice.ClampNumber(value, Within.Lo, Within.Hi), ref adjusted)
            : Resolve(value, readable, ref adjusted);

    /// <summary><see cref="Resolve"/> for a set's value that is not <see cref="Within"/>.</summary>
    /// <param name="value">The value asked.</param>
    /// <param name="readable">Whether it was asked, is not listed unreadable and holds only the set's flags.</param>
    /// <param name="adjusted">Where the cause of the adjustment is recorded.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DimensionValue MoveMask(DimensionValue value, bool readable, ref AdjustmentRecorder adjusted) =>
        readable && _clamps
            ? Clamped(Lattice.ClampMask(value, Within.Floor, Within.Ceiling), ref adjusted)
            : Resolve(value, readable, ref adjusted);

    // What every move does once its kind has clamped: the cause recorded, the clamped value granted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DimensionValue Clamped(DimensionValue granted, ref AdjustmentRecorder adjusted)
    {
        adjusted.Record(_index, AdjustmentCause.Clamped);
        return granted;
    }

    // Lattice.Clamp of every position of the domain into the strict meet, computed once per kept context (positions
    // outside the domain are never read: a move looks one up only for a value its caller found readable).
    private static byte[] Nearest(DimensionInfo dimension, Bound strict)
    {
        var nearest = new byte[Lattice.MaxMembers];
        for (var position = 0; position < nearest.Length; position++)
        {
            var value = DimensionValue.OfPosition(position);
            nearest[position] = dimension.InDomain(value) ? (byte)Lattice.Clamp(strict, value, dimension.HigherIsStricter).Bits : (byte)0;
        }

        return nearest;
    }
}
