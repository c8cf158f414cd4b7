using System;
using System.Collections.Generic;

namespace PolicyAsCode;

/// <summary>
/// The effective preferences of one user in one context: every requested value clamped into the intersection of the
/// applicable tiers' bounds, which dimensions moved and why (<see cref="AdjustedDimensions"/>), and the hazards refused
/// for this user. It records what moved compactly and explains it only when asked (<see cref="Adjustments"/>), so a
/// resolution that moves nothing allocates nothing and one that moves something allocates only the effective record.
/// A default (never resolved) resolution refuses all content.
/// </summary>
/// <typeparam name="TPreferences">The user-tier record (or, for the interpreter, the encoded values).</typeparam>
public readonly struct Resolution<TPreferences>
    where TPreferences : class
{
    private readonly IPolicyEncoding<TPreferences>? _policy;

    /// <summary>Creates a resolution; evaluators call this.</summary>
    /// <param name="policy">The policy resolved against, which explains the adjustments when asked.</param>
    /// <param name="requested">The request resolved, or null when none could be read (every dimension then failed closed).</param>
    /// <param name="context">The context resolved in.</param>
    /// <param name="effective">The effective preferences.</param>
    /// <param name="adjusted">Which dimensions were adjusted, and why.</param>
    /// <param name="forbidden">Every hazard refused for this user in this context.</param>
    /// <param name="activeForbids">Which of the registry's hazard rules apply (bit i: rule i).</param>
    /// <param name="jurisdiction">The index of the matched jurisdiction, or -1.</param>
    public Resolution(
        IPolicyEncoding<TPreferences> policy,
        TPreferences? requested,
        in PolicyContext context,
        TPreferences effective,
        AdjustedDimensions adjusted,
        Hazard forbidden,
        ulong activeForbids,
        int jurisdiction)
    {
        _policy = policy;
        Requested = requested;
        Context = context;
        Effective = effective;
        AdjustedDimensions = adjusted;
        Forbidden = forbidden;
        ActiveForbids = activeForbids;
        Jurisdiction = jurisdiction;
    }

    /// <summary>The effective preferences. Null only for a resolution that was never made.</summary>
    public TPreferences Effective { get; }

    /// <summary>The request resolved; null when none could be read, or for a resolution that was never made.</summary>
    public TPreferences? Requested { get; }

    /// <summary>The context resolved in.</summary>
    public PolicyContext Context { get; }

    /// <summary>The policy resolved against, which explains the adjustments; null only for a resolution that was never made.</summary>
    public IPolicyEncoding<TPreferences>? Policy => _policy;

    /// <summary>Which dimensions moved (or were granted only under a waiver), and why: read without allocating.</summary>
    public AdjustedDimensions AdjustedDimensions { get; }

    /// <summary>
    /// Every value that moved, in dimension order, explained: what was asked and granted, the bound and tier responsible
    /// (docs/semantics.md, section 6). Built on each read from <see cref="AdjustedDimensions"/>, the request and the
    /// context, by the one citation rule every evaluator shares; read it once where it is needed.
    /// </summary>
    public IReadOnlyList<Adjustment> Adjustments =>
        _policy is null || AdjustedDimensions.IsEmpty
            ? Array.Empty<Adjustment>()
            : AdjustmentExplanation.Explain(_policy, Requested, Effective, Context, Jurisdiction, AdjustedDimensions);

    /// <summary>Every hazard refused for this user in this context: the applicable tiers' rules and the user's own list.</summary>
    public Hazard Forbidden { get; }

    /// <summary>Which of the registry's hazard rules apply (bit i: rule i).</summary>
    public ulong ActiveForbids { get; }

    /// <summary>The index of the matched jurisdiction, or -1 when none matched and every law applied.</summary>
    public int Jurisdiction { get; }

    /// <summary>Whether this resolution was made by an evaluator (a default one refuses everything).</summary>
    public bool IsResolved => Effective is not null;

    /// <summary>Whether some dimension moved or was granted only under a waiver.</summary>
    public bool IsAdjusted => !AdjustedDimensions.IsEmpty;
}
