namespace PolicyAsCode.Runtime;

/// <summary>The outcome of applying an overlay.</summary>
/// <param name="Compilation">The overlay checked against the compiled policy.</param>
/// <param name="VersionInForce">The version in force afterwards: the new one, or the previous one when the overlay was rejected or changed nothing.</param>
/// <param name="Changed">Whether a new snapshot was swapped in.</param>
public sealed record OverlayResult(OverlayCompilation Compilation, string VersionInForce, bool Changed)
{
    /// <summary>Whether the overlay was accepted.</summary>
    public bool Succeeded => Compilation.Succeeded;
}
