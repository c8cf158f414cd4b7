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
}
