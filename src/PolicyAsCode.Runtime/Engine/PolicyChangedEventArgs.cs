using System;

namespace PolicyAsCode.Runtime;

/// <summary>Raised after a new policy snapshot was swapped in.</summary>
public sealed class PolicyChangedEventArgs(string previousVersion, string version, PolicyOverlay overlay) : EventArgs
{
    /// <summary>The version that was in force before.</summary>
    public string PreviousVersion { get; } = previousVersion;

    /// <summary>The version now in force.</summary>
    public string Version { get; } = version;

    /// <summary>The overlay now in force.</summary>
    public PolicyOverlay Overlay { get; } = overlay;
}
