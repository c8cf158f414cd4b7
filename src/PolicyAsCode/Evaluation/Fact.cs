using System;

namespace PolicyAsCode;

/// <summary>
/// Facts about a request that bounds may be conditional on. A context says which facts it knows
/// (<see cref="PolicyContext.Known"/>) and which of those hold (<see cref="PolicyContext.Facts"/>).
/// </summary>
[Flags]
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum Fact : uint
{
    /// <summary>No fact.</summary>
    None = 0,

    /// <summary>The user is under the age of majority where they are.</summary>
    Minor = 1 << 0,

    /// <summary>The user consented to the assistant remembering personal data.</summary>
    ConsentsToMemory = 1 << 1,

    /// <summary>The user's adult age was verified.</summary>
    VerifiedAdult = 1 << 2,

    /// <summary>The user set up a role-play or fiction session.</summary>
    RolePlay = 1 << 3,

    /// <summary>The user was identified as being in a vulnerable situation.</summary>
    Vulnerable = 1 << 4,

    /// <summary>The user acts in a verified professional capacity (clinician, lawyer, researcher).</summary>
    Professional = 1 << 5,

    /// <summary>The user consented to their feedback being exported to train preference models (docs/feedback.md).</summary>
    ConsentsToFeedbackTraining = 1 << 6,

    /// <summary>A project-defined fact.</summary>
    Custom1 = 1 << 16,

    /// <summary>A project-defined fact.</summary>
    Custom2 = 1 << 17,

    /// <summary>A project-defined fact.</summary>
    Custom3 = 1 << 18,

    /// <summary>A project-defined fact.</summary>
    Custom4 = 1 << 19,
}
