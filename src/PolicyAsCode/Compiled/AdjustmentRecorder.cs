using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolicyAsCode.Compiled;

/// <summary>
/// Collects what a resolution adjusted, on the stack, while an evaluator resolves: a bit per dimension and two for its
/// cause, so recording allocates nothing up to 64 dimensions. Generated and hand-written evaluators use it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AdjustmentRecorder
{
    private ulong _moved;
    private ulong _cause0;
    private ulong _cause1;
    private ulong[]? _beyond;

    /// <summary>Whether nothing was recorded.</summary>
    public readonly bool IsEmpty => _moved == 0 && _beyond is null;

    /// <summary>Records that <paramref name="dimension"/> was adjusted for <paramref name="cause"/>.</summary>
    // Inlined so that a compiled evaluator's constant dimension and cause fold to two or three ORs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(int dimension, AdjustmentCause cause)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        if (dimension < 64)
        {
            var bit = 1UL << dimension;
            _moved |= bit;
            _cause0 |= ((int)cause & 1) != 0 ? bit : 0;
            _cause1 |= ((int)cause & 2) != 0 ? bit : 0;
            return;
        }

        RecordBeyond(dimension, cause);
    }

    /// <summary>What was recorded.</summary>
    public readonly AdjustedDimensions ToAdjustedDimensions() => new(_moved, _cause0, _cause1, _beyond);

    private void RecordBeyond(int dimension, AdjustmentCause cause)
    {
        var word = ((dimension >> 6) - 1) * 3;
        if (_beyond is null || _beyond.Length < word + 3)
        {
            Array.Resize(ref _beyond, word + 3);
        }

        var bit = 1UL << (dimension & 63);
        _beyond[word] |= bit;
        _beyond[word + 1] |= ((int)cause & 1) != 0 ? bit : 0;
        _beyond[word + 2] |= ((int)cause & 2) != 0 ? bit : 0;
    }
}
