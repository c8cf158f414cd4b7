namespace PolicyAsCode;

/// <summary>
/// Builds the <see cref="Adjustment"/>s of a resolution from what it recorded: which dimensions moved and why, the
/// request, the effective values and the context. The bound cited comes from <see cref="Citation"/>, so the generated
/// evaluators and the interpreter explain alike by construction.
/// </summary>
internal static class AdjustmentExplanation
{
    public static Adjustment[] Explain<TPreferences>(
        IPolicyEncoding<TPreferences> policy, TPreferences? requested, TPreferences effective, in PolicyContext context, int jurisdiction, AdjustedDimensions adjusted)
        where TPreferences : class
    {
        var registry = policy.Registry;
        var shape = registry.Shape;
        var asked = requested is null ? [] : policy.Encode(requested);
        var granted = policy.Encode(effective);
        var adjustments = new Adjustment[adjusted.Count];
        var n = 0;
        foreach (var (d, cause) in adjusted)
        {
            var dimension = registry.Dimensions[d];
            var value = d < asked.Length ? asked[d] : dimension.Default;
            var rule = cause switch
            {
                AdjustmentCause.Contradiction => Citation.OfContradiction(shape, d, jurisdiction, context),
                AdjustmentCause.FailedClosed => Citation.OfFailClosed(shape, d, jurisdiction, context, granted[d]),
                _ => Citation.OfMove(shape, d, jurisdiction, context, value, cause == AdjustmentCause.Waived),
            };
            var bound = rule >= 0 ? registry.Bounds[rule] : null;
            adjustments[n++] = new Adjustment(dimension, cause, value, granted[d], bound, bound is null ? null : registry.Tiers[bound.Tier]);
        }

        return adjustments;
    }
}
