namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>What happened during the timed rounds that could have moved the figures.</summary>
/// <param name="Collections">Gen-0 collections (0 when every round stayed inside its no-GC region).</param>
/// <param name="Compilations">Methods the JIT compiled (0 when warm-up reached the final code).</param>
/// <param name="WithoutNoGcRegion">Rounds the runtime refused a no-GC region to.</param>
public readonly record struct RoundOutcome(int Collections, long Compilations, int WithoutNoGcRegion)
{
    /// <summary>The sum of two outcomes.</summary>
    public static RoundOutcome operator +(RoundOutcome left, RoundOutcome right) =>
        new(left.Collections + right.Collections, left.Compilations + right.Compilations, left.WithoutNoGcRegion + right.WithoutNoGcRegion);
}
