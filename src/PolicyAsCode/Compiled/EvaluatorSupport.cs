using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>Helpers the generated evaluators call. Not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvaluatorSupport
{
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
