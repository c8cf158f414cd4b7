using System;

namespace PolicyAsCode.Runtime;

/// <summary>Raised when an overlay was rejected; the previous policy stays in force.</summary>
public sealed class OverlayRejectedEventArgs(OverlayCompilation compilation, string versionInForce) : EventArgs
{
    /// <summary>The rejected overlay and its errors.</summary>
    public OverlayCompilation Compilation { get; } = compilation;

    /// <summary>The version that stays in force.</summary>
    public string VersionInForce { get; } = versionInForce;
}
