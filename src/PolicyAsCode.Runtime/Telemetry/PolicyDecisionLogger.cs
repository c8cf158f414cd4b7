using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Writes the structured decision log: one entry per decision, through <see cref="ILogger"/> with source-generated
/// logging. Every entry carries the policy version, the matched jurisdiction and the jurisdictions it sits within
/// (<c>JurisdictionWithin</c>, as the telemetry attribute words it), a summary of the resolution, the verdict, the
/// refusing tier (a law with its chain: "law of DE within EU"), the hazards and the reasons; the content only when
/// <see cref="PolicyDecisionLogOptions.IncludeContent"/> is on.
/// </summary>
public sealed class PolicyDecisionLogger
{
    private readonly ILogger _logger;
    private readonly PolicyDecisionLogOptions _options;

    /// <summary>Creates the log; without a logger it writes nowhere.</summary>
    public PolicyDecisionLogger(ILogger<PolicyDecisionLogger>? logger = null, IOptions<PolicyDecisionLogOptions>? options = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _options = options?.Value ?? new PolicyDecisionLogOptions();
    }

    /// <summary>The options in force.</summary>
    public PolicyDecisionLogOptions Options => _options;

    /// <summary>Writes the entry of one decision.</summary>
    public void LogDecision<TPreferences>(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution, in Decision decision, ContentStage stage, string? content)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_options.Enabled)
        {
            return;
        }

        var level = decision.IsAllowed ? LogLevel.Information : LogLevel.Warning;
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var registry = snapshot.Registry;
        var verdict = decision.IsAllowed ? "allow" : "refuse";
        var jurisdiction = PolicyTelemetry.JurisdictionName(registry, resolution.Jurisdiction);
        var within = PolicyTelemetry.JurisdictionWithin(registry, resolution.Jurisdiction);
        var summary = Summarise(snapshot, resolution);
        var tier = decision.Tier?.ToString() ?? "none";
        var hazards = string.Join(",", PolicyTelemetry.HazardCodes(registry, decision.Hazards));
        var stageName = PolicyTelemetry.StageName(stage);
        var reasons = decision.Explain(snapshot.Registry);
        if (_options.IncludeContent)
        {
            PolicyLog.DecisionWithContent(_logger, level, snapshot.Version, stageName, verdict, jurisdiction, within, reasons, tier, hazards, summary, content ?? string.Empty);
        }
        else
        {
            PolicyLog.Decision(_logger, level, snapshot.Version, stageName, verdict, jurisdiction, within, reasons, tier, hazards, summary);
        }
    }

    /// <summary>
    /// Notes that a classifier failed, so the content was refused (failing closed). A classifier's exception may quote
    /// the text it was given, so unless <see cref="PolicyDecisionLogOptions.IncludeContent"/> is on the entry carries
    /// only the exception's type (and those of its inner exceptions), never its message or the exception itself
    /// (whose <c>ToString()</c> a log provider would write, messages and all).
    /// </summary>
    public void LogClassifierFailure(Exception exception, ContentStage stage)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var stageName = PolicyTelemetry.StageName(stage);
        if (_options.IncludeContent)
        {
            PolicyLog.ClassifierFailed(_logger, exception, stageName, TypeChain(exception), exception.Message);
        }
        else
        {
            PolicyLog.ClassifierFailed(_logger, null, stageName, TypeChain(exception), RedactedMessage);
        }
    }

    /// <summary>What the decision log writes in place of a classifier exception's message when content is off.</summary>
    private const string RedactedMessage = "(message redacted: it may quote the content; PolicyDecisionLogOptions.IncludeContent is off)";

    // "InvalidOperationException <- HttpRequestException": the type names alone, outermost first, which carry no content.
    private static string TypeChain(Exception exception)
    {
        var b = new StringBuilder();
        for (var e = exception; e is not null && b.Length < 512; e = e.InnerException)
        {
            b.Append(b.Length == 0 ? string.Empty : " <- ").Append(e.GetType().FullName);
        }

        return b.ToString();
    }

    /// <summary>
    /// One line summarising a resolution: every effective value, with the adjustment that produced it, and the
    /// hazards forbidden, e.g. <c>Maturity=Teen (clamped by organisation acme's AtMost(Maturity.Teen)); Tone=Friendly; forbidden S4,S9</c>.
    /// </summary>
    public static string Summarise<TPreferences>(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!resolution.IsResolved)
        {
            return "unresolved";
        }

        var registry = snapshot.Registry;
        var values = TPreferences.Encode(resolution.Effective);
        var adjusted = new Dictionary<int, Adjustment>();
        foreach (var adjustment in resolution.Adjustments)
        {
            adjusted[adjustment.Dimension.Index] = adjustment;
        }

        var b = new StringBuilder();
        foreach (var dimension in registry.Dimensions)
        {
            if (b.Length > 0)
            {
                b.Append("; ");
            }

            b.Append(dimension.Name).Append('=').Append(dimension.Index < values.Length ? dimension.Format(values[dimension.Index]) : "?");
            if (adjusted.TryGetValue(dimension.Index, out var why))
            {
                b.Append(" (").Append(PolicyTelemetry.CauseName(why.Cause));
                if (why.Tier is not null && why.Rule is not null)
                {
                    b.Append(" by ").Append(why.Tier).Append("'s ").Append(why.Rule.Source);
                }

                b.Append(')');
            }
        }

        b.Append("; forbidden ").Append(resolution.Forbidden == Hazard.None ? "none" : string.Join(",", PolicyTelemetry.HazardCodes(registry, resolution.Forbidden)));
        return b.ToString();
    }
}

/// <summary>The SDK's log messages, source-generated.</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 4100, EventName = "PolicyDecision",
        Message = "Policy {PolicyVersion} {Stage} {Verdict} in {Jurisdiction} (within {JurisdictionWithin}): {Reasons} (tier {Tier}, hazards {Hazards}); resolution {Resolution}")]
    public static partial void Decision(ILogger logger, LogLevel level, string policyVersion, string stage, string verdict, string jurisdiction, string jurisdictionWithin, string reasons, string tier, string hazards, string resolution);

    [LoggerMessage(EventId = 4101, EventName = "PolicyDecisionWithContent",
        Message = "Policy {PolicyVersion} {Stage} {Verdict} in {Jurisdiction} (within {JurisdictionWithin}): {Reasons} (tier {Tier}, hazards {Hazards}); resolution {Resolution}; content {Content}")]
    public static partial void DecisionWithContent(ILogger logger, LogLevel level, string policyVersion, string stage, string verdict, string jurisdiction, string jurisdictionWithin, string reasons, string tier, string hazards, string resolution, string content);

    [LoggerMessage(EventId = 4110, EventName = "PolicyClassifierFailed", Level = LogLevel.Error,
        Message = "The hazard classifier failed on the {Stage} ({ExceptionType}: {ExceptionMessage}); the content was refused (fail closed)")]
    public static partial void ClassifierFailed(ILogger logger, Exception? exception, string stage, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4120, EventName = "PolicyOverlayApplied", Level = LogLevel.Information,
        Message = "Policy {PolicyName}: overlay applied, version {PreviousVersion} -> {PolicyVersion} (revision {Revision}): {Overlay}")]
    public static partial void OverlayApplied(ILogger logger, string policyName, string previousVersion, string policyVersion, long revision, string overlay);

    [LoggerMessage(EventId = 4121, EventName = "PolicyOverlayUnchanged", Level = LogLevel.Debug,
        Message = "Policy {PolicyName}: overlay reloaded without change, version {PolicyVersion} stays in force")]
    public static partial void OverlayUnchanged(ILogger logger, string policyName, string policyVersion);

    [LoggerMessage(EventId = 4122, EventName = "PolicyOverlayRejected", Level = LogLevel.Error,
        Message = "Policy {PolicyName}: overlay rejected, version {PolicyVersion} stays in force: {Errors}")]
    public static partial void OverlayRejected(ILogger logger, string policyName, string policyVersion, string errors);

    [LoggerMessage(EventId = 4123, EventName = "PolicyOverlayUnreadable", Level = LogLevel.Error,
        Message = "Policy {PolicyName}: the configured overlay is missing or cannot be read; version {PolicyVersion} stays in force until a valid overlay or an explicit removal (\"none\") is configured: {Problem}")]
    public static partial void OverlayUnreadable(ILogger logger, string policyName, string policyVersion, string problem);
}
