using System;

namespace PolicyAsCode.Runtime;

/// <summary>
/// One immutable version of a policy in force: the compiled policy, or the compiled policy with an overlay. Without an
/// overlay it evaluates with the generated evaluator (the fast path); with one, with the reference interpreter over
/// the overlaid registry, which keeps exactly the same semantics (docs/semantics.md). Take one snapshot per request and
/// use it for every resolution and decision of that request, so a concurrent overlay swap never mixes two policies.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicySnapshot<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly PolicyInterpreter? _interpreter;
    private readonly PolicyEncoding<TPreferences>? _encoding;

    internal PolicySnapshot(PolicyRegistry registry, bool overlaid, PolicyOverlay overlay, long revision, string compiledVersion)
    {
        Registry = registry;
        Overlay = overlay;
        Revision = revision;
        CompiledVersion = compiledVersion;
        IsOverlaid = overlaid;
        _interpreter = IsOverlaid ? new PolicyInterpreter(registry) : null;
        _encoding = IsOverlaid ? new PolicyEncoding<TPreferences>(registry) : null;
        Version = IsOverlaid ? $"{compiledVersion}+overlay.{PolicyFingerprint.Of(registry)}" : compiledVersion;
    }

    /// <summary>The registry in force: the compiled one, or the compiled one with the overlay's rules added.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>The overlay applied (<see cref="PolicyOverlay.Empty"/> for none).</summary>
    public PolicyOverlay Overlay { get; }

    /// <summary>Whether an overlay is in force (evaluation goes through the interpreter).</summary>
    public bool IsOverlaid { get; }

    /// <summary>How many policies were swapped in before this one in this process (0: the compiled policy at start).</summary>
    public long Revision { get; }

    /// <summary>The compiled policy's version: its fingerprint.</summary>
    public string CompiledVersion { get; }

    /// <summary>
    /// The version in force: the compiled fingerprint, followed by <c>+overlay.</c> and the overlaid registry's
    /// fingerprint when an overlay is in force. The same rules give the same version on every machine.
    /// </summary>
    public string Version { get; }

    /// <summary>The preferences a user starts from in <paramref name="context"/> (overlays do not change defaults; resolving clamps them).</summary>
    public TPreferences Defaults(in PolicyContext context) => TPreferences.Defaults(in context);

    /// <summary>Resolves requested preferences (null fails every dimension closed); values in <paramref name="unreadable"/> resolve fail-closed.</summary>
    public Resolution<TPreferences> Resolve(TPreferences? requested, in PolicyContext context, DimensionSet unreadable = default)
    {
        if (_interpreter is null)
        {
            return TPreferences.Resolve(requested!, in context, unreadable);
        }

        var encoded = requested is null ? ReadOnlySpan<DimensionValue>.Empty : TPreferences.Encode(requested);
        var resolution = _interpreter.Resolve(encoded, in context, unreadable);

        // Explained against the overlaid registry, whose bounds the adjustments cite.
        return new Resolution<TPreferences>(
            _encoding!, requested, in context, TPreferences.Decode(resolution.Effective), resolution.AdjustedDimensions,
            resolution.Forbidden, resolution.ActiveForbids, resolution.Jurisdiction);
    }

    /// <summary>Decides on content showing <paramref name="detected"/> hazards, against a resolution made by this snapshot.</summary>
    public Decision Decide(in Resolution<TPreferences> resolution, Hazard detected)
    {
        if (_interpreter is null)
        {
            return TPreferences.Decide(in resolution, detected);
        }

        // A decision reads only whether the resolution was made, its forbidden hazards and its active rules.
        var encoded = resolution.IsResolved
            ? new Resolution<DimensionValue[]>(_interpreter.Encoding, [], resolution.Context, [], resolution.AdjustedDimensions, resolution.Forbidden, resolution.ActiveForbids, resolution.Jurisdiction)
            : default;
        return _interpreter.Decide(in encoded, detected);
    }

    /// <summary>Resolves and decides in one step on this snapshot.</summary>
    public PolicyEvaluation<TPreferences> Evaluate(TPreferences? requested, in PolicyContext context, Hazard detected, DimensionSet unreadable = default)
    {
        var resolution = Resolve(requested, in context, unreadable);
        return new PolicyEvaluation<TPreferences>(this, resolution, Decide(in resolution, detected));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Registry.Name} {Version}";
}
