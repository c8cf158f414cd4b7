namespace PolicyAsCode.Runtime;

/// <summary>One reason an overlay was rejected, naming the dimension and the bound.</summary>
/// <param name="Kind">Invalid or widening.</param>
/// <param name="Dimension">The dimension concerned, or null for the overlay as a whole.</param>
/// <param name="Bound">The bound as written (e.g. <c>AtMost(Maturity.Mature)</c>), or null.</param>
/// <param name="Message">The whole error in one sentence.</param>
public sealed record OverlayError(OverlayErrorKind Kind, string? Dimension, string? Bound, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
