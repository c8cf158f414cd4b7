using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The policy service of one compiled policy: holds the snapshot in force and swaps overlays in atomically.
/// Readers take <see cref="Current"/> (one volatile read, no lock) and evaluate on it; <see cref="ApplyOverlay"/> checks an
/// overlay against the compiled policy, and either swaps a new immutable snapshot in with one reference write or rejects
/// it and leaves the previous snapshot in force. Given an <see cref="IOptionsMonitor{TOptions}"/> of
/// <see cref="PolicyOverlayOptions"/>, it applies the configured overlay at start and on every configuration change.
/// Thread-safe.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyEngine<TPreferences> : IDisposable
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly Lock _writeLock = new();
    private readonly Lock _configureLock = new();
    private readonly PolicyTelemetry? _telemetry;
    private readonly ILogger _logger;
    private readonly IDisposable? _subscription;
    private readonly IDisposable? _served;
    private readonly IOptionsMonitor<PolicyOverlayOptions>? _overlays;
    private PolicySnapshot<TPreferences> _current;
    private long _revision;
    private long _requests;
    private long _lastRequest;
    private PolicyOverlay? _lastConfigured;
    private bool _missingReported;
    private string? _configuredProblem;

    /// <summary>Creates the engine with the compiled policy in force.</summary>
    public PolicyEngine(PolicyTelemetry? telemetry = null, ILogger<PolicyEngine<TPreferences>>? logger = null)
    {
        _telemetry = telemetry;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        CompiledVersion = PolicyFingerprint.Of(TPreferences.Registry);
        Compiled = new PolicySnapshot<TPreferences>(TPreferences.Registry, false, PolicyOverlay.Empty, 0, CompiledVersion);
        _current = Compiled;
        _served = telemetry?.Serve(() =>
        {
            var now = Current;
            return new ServedPolicy(TPreferences.Registry.Name, now.Version, now.CompiledVersion, now.Revision);
        });
    }

    /// <summary>
    /// Creates the engine and follows the overlay configured for this policy in <paramref name="overlays"/> (named
    /// <see cref="PolicyOverlayOptions.NameFor{TPreferences}"/>): it is applied now and on every change.
    /// </summary>
    public PolicyEngine(IOptionsMonitor<PolicyOverlayOptions> overlays, PolicyTelemetry? telemetry = null, ILogger<PolicyEngine<TPreferences>>? logger = null)
        : this(telemetry, logger)
    {
        ArgumentNullException.ThrowIfNull(overlays);
        _overlays = overlays;
        var name = PolicyOverlayOptions.NameFor<TPreferences>();

        // The options a notification carries may have been read before a later notification's: they are not used.
        // Each notification reads the options in force under one lock, so the last to run reads the latest.
        _subscription = overlays.OnChange((_, changed) =>
        {
            if (string.Equals(changed ?? Options.DefaultName, name, StringComparison.Ordinal))
            {
                ApplyConfigured();
            }
        });
        ApplyConfigured();
    }

    /// <summary>
    /// Why the configured overlay is not what is in force, or null when it is: the last overlay read from configuration
    /// was rejected, or the configuration section disappeared or could not be read (the previous overlay stays in force).
    /// <see cref="PolicyOverlayHealthCheck{TPreferences}"/> reports it.
    /// </summary>
    public string? ConfiguredOverlayProblem => Volatile.Read(ref _configuredProblem);

    /// <summary>The compiled policy, without overlay.</summary>
    public PolicySnapshot<TPreferences> Compiled { get; }

    /// <summary>The compiled policy's version (its fingerprint).</summary>
    public string CompiledVersion { get; }

    /// <summary>The snapshot in force. Take it once per request.</summary>
    public PolicySnapshot<TPreferences> Current => Volatile.Read(ref _current);

    /// <summary>The version in force.</summary>
    public string Version => Current.Version;

    /// <summary>Raised after a new snapshot was swapped in.</summary>
    public event EventHandler<PolicyChangedEventArgs>? PolicyChanged;

    /// <summary>Raised when an overlay was rejected.</summary>
    public event EventHandler<OverlayRejectedEventArgs>? OverlayRejected;

    /// <summary>Resolves on the snapshot in force.</summary>
    public Resolution<TPreferences> Resolve(TPreferences? requested, in PolicyContext context, DimensionSet unreadable = default) =>
        Current.Resolve(requested, in context, unreadable);

    /// <summary>Resolves and decides on one snapshot, the one in force.</summary>
    public PolicyEvaluation<TPreferences> Evaluate(TPreferences? requested, in PolicyContext context, Hazard detected, DimensionSet unreadable = default) =>
        Current.Evaluate(requested, in context, detected, unreadable);

    /// <summary>
    /// Checks <paramref name="overlay"/> against the compiled policy and, if it only narrows, swaps it in atomically;
    /// otherwise rejects it with errors naming each dimension and bound, and the previous policy stays in force.
    /// An overlay replaces the previous overlay (it is relative to the compiled policy); <see cref="PolicyOverlay.Empty"/>
    /// returns to the compiled policy. Never throws on a bad overlay.
    /// </summary>
    public OverlayResult ApplyOverlay(PolicyOverlay? overlay)
    {
        overlay ??= PolicyOverlay.Empty;
        using var activity = PolicyTelemetry.ActivitySource.StartActivity("policyascode.overlay.apply");
        activity?.SetTag(PolicyTelemetry.PolicyNameTag, TPreferences.Registry.Name);

        // The order of requests is the order of swaps: a request that finishes compiling after a later one has been
        // decided is superseded and never replaces it (two overlapping reloads cannot leave the older in force).
        var request = Interlocked.Increment(ref _requests);
        var compilation = PolicyOverlayCompiler.Compile(TPreferences.Registry, overlay);
        PolicySnapshot<TPreferences> previous;
        PolicySnapshot<TPreferences>? next = null;
        lock (_writeLock)
        {
            previous = _current;
            if (request < _lastRequest)
            {
                activity?.SetTag(PolicyTelemetry.PolicyVersionTag, previous.Version);
                return new OverlayResult(compilation, previous.Version, false);
            }

            _lastRequest = request;
            if (compilation.Succeeded)
            {
                var registry = compilation.Registry!;
                var overlaid = !ReferenceEquals(registry, TPreferences.Registry);
                var unchanged = overlaid == previous.IsOverlaid
                    && (!overlaid || previous.Version.EndsWith("+overlay." + PolicyFingerprint.Of(registry), StringComparison.Ordinal));
                if (!unchanged)
                {
                    next = new PolicySnapshot<TPreferences>(registry, overlaid, overlaid ? overlay : PolicyOverlay.Empty, ++_revision, CompiledVersion);
                    Volatile.Write(ref _current, next);
                }
            }
        }

        // Telemetry, logs and events outside the lock: a handler may read Current or apply another overlay.
        if (!compilation.Succeeded)
        {
            var errors = compilation.Describe();
            _telemetry?.RecordOverlayRejection(compilation.IsWidening ? OverlayErrorKind.Widening : OverlayErrorKind.Invalid);
            PolicyLog.OverlayRejected(_logger, TPreferences.Registry.Name, previous.Version, errors);
            activity?.SetStatus(ActivityStatusCode.Error, errors);
            activity?.SetTag(PolicyTelemetry.ErrorTypeTag, compilation.IsWidening ? "widening" : "invalid");
            activity?.SetTag(PolicyTelemetry.PolicyVersionTag, previous.Version);
            OverlayRejected?.Invoke(this, new OverlayRejectedEventArgs(compilation, previous.Version));
            return new OverlayResult(compilation, previous.Version, false);
        }

        if (next is null)
        {
            _telemetry?.RecordOverlayReload(changed: false);
            PolicyLog.OverlayUnchanged(_logger, TPreferences.Registry.Name, previous.Version);
            activity?.SetTag(PolicyTelemetry.PolicyVersionTag, previous.Version);
            return new OverlayResult(compilation, previous.Version, false);
        }

        _telemetry?.RecordOverlayReload(changed: true);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var described = overlay.Describe();
            PolicyLog.OverlayApplied(_logger, TPreferences.Registry.Name, previous.Version, next.Version, next.Revision, described);
        }

        activity?.SetTag(PolicyTelemetry.PolicyVersionTag, next.Version);
        PolicyChanged?.Invoke(this, new PolicyChangedEventArgs(previous.Version, next.Version, next.Overlay));
        return new OverlayResult(compilation, next.Version, true);
    }

    // Reads the configured overlay and applies it, one notification at a time. Providers often signal one change
    // several times (a file reload raises the provider's token and the root's); an overlay equal to the last one
    // configured is not applied, logged or counted again. A missing or empty section is not a removal: it keeps the
    // overlay in force and is reported once until the section is readable again.
    private void ApplyConfigured()
    {
        lock (_configureLock)
        {
            var options = _overlays!.Get(PolicyOverlayOptions.NameFor<TPreferences>());
            if (options.IsMissing)
            {
                var inForce = Current;
                if (!inForce.IsOverlaid)
                {
                    _lastConfigured = PolicyOverlay.Empty;
                    Volatile.Write(ref _configuredProblem, null);
                    return;
                }

                if (!_missingReported)
                {
                    _missingReported = true;
                    _lastConfigured = null;
                    var problem = "the overlay section is missing or empty (a file truncated, emptied, deleted or failed to load, or the section renamed); "
                        + $"write \"{PolicyOverlayOptions.RemovalValue}\" in the section to remove the overlay";
                    Volatile.Write(ref _configuredProblem, problem);
                    _telemetry?.RecordOverlayRejection(OverlayErrorKind.Unreadable);
                    PolicyLog.OverlayUnreadable(_logger, TPreferences.Registry.Name, inForce.Version, problem);
                }

                return;
            }

            _missingReported = false;
            if (options.Overlay.Equals(_lastConfigured))
            {
                return;
            }

            _lastConfigured = options.Overlay;
            var result = ApplyOverlay(options.Overlay);
            Volatile.Write(ref _configuredProblem, result.Succeeded ? null : "the configured overlay was rejected: " + result.Compilation.Describe());
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _subscription?.Dispose();
        _served?.Dispose();
    }
}
