using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>Helpers the generated evaluators call. Not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvaluatorSupport
{
    /// <summary>Marks the first <paramref name="count"/> dimensions in <paramref name="given"/> (bit d % 64 of word d / 64) and clears the rest.</summary>
    public static void MarkFirst(Span<ulong> given, int count)
    {
        for (var w = 0; w < given.Length; w++)
        {
            var bits = count - (w * 64);
            given[w] = bits >= 64 ? ulong.MaxValue : bits <= 0 ? 0UL : (1UL << bits) - 1;
        }
    }

    /// <summary>Records an adjustment, growing the list only when something moved.</summary>
    public static void Adjust(
        ref Adjustment[]? adjustments,
        ref int count,
        PolicyRegistry registry,
        int dimension,
        AdjustmentCause cause,
        DimensionValue requested,
        DimensionValue granted,
        int rule)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var bound = rule >= 0 ? registry.Bounds[rule] : null;
        var adjustment = new Adjustment(registry.Dimensions[dimension], cause, requested, granted, bound, bound is null ? null : registry.Tiers[bound.Tier]);
        if (adjustments is null)
        {
            adjustments = new Adjustment[4];
        }
        else if (count == adjustments.Length)
        {
            Array.Resize(ref adjustments, count * 2);
        }

        adjustments[count++] = adjustment;
    }

    /// <summary>The recorded adjustments at their exact length, or null when none.</summary>
    public static Adjustment[]? Trim(Adjustment[]? adjustments, int count)
    {
        if (adjustments is null || count == 0)
        {
            return null;
        }

        if (adjustments.Length != count)
        {
            Array.Resize(ref adjustments, count);
        }

        return adjustments;
    }
}
