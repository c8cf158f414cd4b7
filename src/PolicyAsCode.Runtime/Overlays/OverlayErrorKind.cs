namespace PolicyAsCode.Runtime;

/// <summary>Why an overlay was rejected.</summary>
public enum OverlayErrorKind
{
    /// <summary>The overlay cannot be read against the policy: an unknown dimension, organisation or hazard, a value outside the type, a malformed bound.</summary>
    Invalid,

    /// <summary>A bound allows something the compiled policy does not: the overlay would widen it.</summary>
    Widening,

    /// <summary>The configured overlay disappeared or could not be read (a missing or empty section, a file that failed to load); the overlay in force stays.</summary>
    Unreadable,
}
