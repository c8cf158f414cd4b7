namespace PolicyAsCode;

/// <summary>Why a decision went the way it did.</summary>
public enum DecisionCause
{
    /// <summary>Never decided: refused.</summary>
    Undecided = 0,

    /// <summary>No forbidden hazard was detected.</summary>
    Allowed,

    /// <summary>A rule forbids a detected hazard.</summary>
    Forbidden,

    /// <summary>A detected hazard is not one this policy can name: refused, failing closed.</summary>
    UnknownHazard,

    /// <summary>The resolution was never made, so the context could not be evaluated: refused, failing closed.</summary>
    Unresolved,
}
