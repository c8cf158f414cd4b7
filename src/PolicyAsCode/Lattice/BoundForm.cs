namespace PolicyAsCode;

/// <summary>How a bound was written, which decides how it is built on a dimension's lattice.</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum BoundForm : byte
{
    /// <summary><c>[AtMost(v)]</c>: at most v (for sets: only flags within v).</summary>
    AtMost,

    /// <summary><c>[AtLeast(v)]</c>: at least v (for sets: every flag of v).</summary>
    AtLeast,

    /// <summary><c>[Between(lo, hi)]</c>: from lo to hi inclusive.</summary>
    Between,

    /// <summary><c>[Locked(v)]</c>: exactly v.</summary>
    Locked,

    /// <summary><c>[Allowed(a, b, ...)]</c>: one of the listed members (for sets: only the listed flags).</summary>
    Allowed,
}
