namespace PolicyAsCode.Runtime;

/// <summary>
/// One immutable version of a policy in force: the compiled policy, or the compiled policy with an overlay. Without an
/// overlay it evaluates with the generated evaluator; with one, it answers as the reference interpreter over the
/// overlaid registry answers (docs/semantics.md), at the generated evaluator's speed: the kernel's answer for each
/// context is kept the first time a request arrives in it, and the request is read by generated code (docs/runtime.md).
/// Take one snapshot per request and use it for every resolution and decision of that request, so a concurrent overlay
/// swap never mixes two policies.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicySnapshot<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly OverlaidEvaluator<TPreferences>? _overlaid;

    internal PolicySnapshot(PolicyRegistry registry, bool overlaid, PolicyOverlay overlay, long revision, string compiledVersion)
    {
        Registry = registry;
        Overlay = overlay;
        Revision = revision;
        CompiledVersion = compiledVersion;
        IsOverlaid = overlaid;
        _overlaid = IsOverlaid ? new OverlaidEvaluator<TPreferences>(registry) : null;
        Version = IsOverlaid ? $"{compiledVersion}+overlay.{PolicyFingerprint.Of(registry)}" : compiledVersion;
    }

    /// <summary>The registry in force: the compiled one, or the compiled one with the overlay's rules added.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>The overlay applied (<see cref="PolicyOverlay.Empty"/> for none).</summary>
    public PolicyOverlay Overlay { get; }

    /// <summary>Whether an overlay is in force (evaluation answers as the interpreter of the overlaid registry).</summary>
    public bool IsOverlaid { get; }

    // Whether an overlaid snapshot resolves from kept contexts rather than interpreting every request (tests read it).
    internal bool KeepsContexts => _overlaid?.KeepsContexts ?? false;

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
    public Resolution<TPreferences> Resolve(TPreferences? requested, in PolicyContext context, DimensionSet unreadable = default) =>
        _overlaid is null ? TPreferences.Resolve(requested!, in context, unreadable) : _overlaid.Resolve(requested, in context, unreadable);

    /// <summary>Decides on content showing <paramref name="detected"/> hazards, against a resolution made by this snapshot.</summary>
    public Decision Decide(in Resolution<TPreferences> resolution, Hazard detected) =>
        _overlaid is null ? TPreferences.Decide(in resolution, detected) : _overlaid.Decide(in resolution, detected);

    /// <summary>
    /// Whether content showing <paramref name="detected"/> hazards may be shown to <paramref name="requested"/> in
    /// <paramref name="context"/> under this snapshot: the answer of <c>Decide(Resolve(requested, context), detected).IsAllowed</c>.
    /// Without an overlay it is the generated gate, which builds no resolution and allocates nothing; with one it
    /// resolves and decides, because the gate knows only the compiled bounds and an overlay narrows them.
    /// </summary>
    public bool Admits(TPreferences? requested, in PolicyContext context, Hazard detected)
    {
        if (_overlaid is null)
        {
            return TPreferences.Admits(requested, in context, detected);
        }

        var resolution = _overlaid.Resolve(requested, in context, default);
        return _overlaid.Decide(in resolution, detected).IsAllowed;
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
