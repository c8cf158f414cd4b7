using System;
using System.Collections.Generic;

namespace PolicyAsCode;

/// <summary>
/// The effective preferences of one user in one context: every requested value clamped into the intersection
/// of the applicable tiers' bounds, one <see cref="Adjustment"/> per value that moved, and the hazards
/// refused for this user. A default (never resolved) resolution refuses all content.
/// </summary>
/// <typeparam name="TPreferences">The user-tier record (or, for the interpreter, the encoded values).</typeparam>
public readonly struct Resolution<TPreferences>
    where TPreferences : class
{
    private readonly Adjustment[]? _adjustments;

    /// <summary>Creates a resolution; evaluators call this.</summary>
    public Resolution(TPreferences effective, Adjustment[]? adjustments, Hazard forbidden, ulong activeForbids, int jurisdiction)
    {
        Effective = effective;
        _adjustments = adjustments;
        Forbidden = forbidden;
        ActiveForbids = activeForbids;
        Jurisdiction = jurisdiction;
    }

    /// <summary>The effective preferences. Null only for a resolution that was never made.</summary>
    public TPreferences Effective { get; }

    /// <summary>Every value that moved, in dimension order.</summary>
    public IReadOnlyList<Adjustment> Adjustments => _adjustments ?? Array.Empty<Adjustment>();

    /// <summary>Every hazard refused for this user in this context: the applicable tiers' rules and the user's own list.</summary>
    public Hazard Forbidden { get; }

    /// <summary>Which of the registry's hazard rules apply (bit i: rule i).</summary>
    public ulong ActiveForbids { get; }

    /// <summary>The index of the matched jurisdiction, or -1 when none matched and every law applied.</summary>
    public int Jurisdiction { get; }

    /// <summary>Whether this resolution was made by an evaluator (a default one refuses everything).</summary>
    public bool IsResolved => Effective is not null;

    /// <summary>Whether the adjustment list is non-empty.</summary>
    public bool IsAdjusted => _adjustments is { Length: > 0 };
}
