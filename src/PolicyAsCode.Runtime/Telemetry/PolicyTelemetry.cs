using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The SDK's OpenTelemetry instruments: one <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both named <c>PolicyAsCode</c>. Instrument and attribute names follow the OpenTelemetry conventions (lower-case,
/// dot-separated, namespaced <c>policyascode.</c>; units in UCUM; <c>error.type</c> for failures). See docs/runtime.md.
/// Jurisdiction and tier attributes only ever hold names the policy itself declares (its jurisdictions, organisations
/// and user tier), never what a request wrote, so their cardinality is bounded by the policy. A chain of laws is the
/// attribute of the jurisdiction or tier plus a <c>.within</c> attribute listing the jurisdictions it sits within,
/// nearest first, comma-separated (<c>policyascode.jurisdiction</c> = <c>DE-BY</c>,
/// <c>policyascode.jurisdiction.within</c> = <c>DE,EU</c>), or <c>none</c>.
/// </summary>
public sealed class PolicyTelemetry : IDisposable
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "PolicyAsCode";

    /// <summary>Attribute: the policy version (fingerprint) a decision was made under.</summary>
    public const string PolicyVersionTag = "policyascode.policy.version";

    /// <summary>Attribute: the policy's name (its user tier's type).</summary>
    public const string PolicyNameTag = "policyascode.policy.name";

    /// <summary>Attribute: the matched jurisdiction, or <c>none</c> (the request named none of the policy's: every law applied).</summary>
    public const string JurisdictionTag = "policyascode.jurisdiction";

    /// <summary>
    /// Attribute: the jurisdictions the matched one sits within, whose laws applied too, nearest first and
    /// comma-separated (<c>EU</c> for DE; <c>DE,EU</c> for DE-BY), or <c>none</c>.
    /// </summary>
    public const string JurisdictionWithinTag = "policyascode.jurisdiction.within";

    /// <summary>Attribute: <c>allow</c> or <c>refuse</c>.</summary>
    public const string VerdictTag = "policyascode.decision.verdict";

    /// <summary>Attribute: <c>allowed</c>, <c>forbidden</c>, <c>unknown_hazard</c>, <c>unresolved</c>.</summary>
    public const string CauseTag = "policyascode.decision.cause";

    /// <summary>Attribute: <c>input</c> or <c>output</c>.</summary>
    public const string StageTag = "policyascode.content.stage";

    /// <summary>Attribute: the rank of the tier responsible: <c>immutable</c>, <c>organisation</c>, <c>user</c>, or <c>none</c>.</summary>
    public const string TierRankTag = "policyascode.tier.rank";

    /// <summary>Attribute: the name of the tier responsible (a jurisdiction, an organisation, the user tier), or <c>none</c>.</summary>
    public const string TierNameTag = "policyascode.tier.name";

    /// <summary>
    /// Attribute: for a law responsible, the jurisdictions it sits within, nearest first and comma-separated (<c>EU</c>
    /// for the law of DE within EU); <c>none</c> for a law within no other and for every other tier.
    /// </summary>
    public const string TierWithinTag = "policyascode.tier.within";

    /// <summary>Attribute: one hazard code (<c>S1</c>…<c>S14</c>, a custom code, or <c>unknown</c>).</summary>
    public const string HazardTag = "policyascode.hazard";

    /// <summary>
    /// Attribute: the ids of the benefits the bound responsible enables (<c>benefit.societal.pluralism</c>, or a project's
    /// own from <c>[BenefitCategory]</c>), comma-separated, or <c>none</c>. Declared by the policy, so bounded by it.
    /// </summary>
    public const string BenefitsTag = "policyascode.benefits";

    /// <summary>Attribute: the ids of the risks the bound or hazard rule responsible mitigates (shipped or the project's own), comma-separated, or <c>none</c>.</summary>
    public const string RisksTag = "policyascode.risks";

    /// <summary>Attribute: a dimension's name.</summary>
    public const string DimensionTag = "policyascode.dimension";

    /// <summary>Attribute: <c>clamped</c>, <c>waived</c>, <c>failed_closed</c> or <c>contradiction</c>.</summary>
    public const string AdjustmentCauseTag = "policyascode.adjustment.cause";

    /// <summary>Attribute: <c>applied</c> or <c>unchanged</c>.</summary>
    public const string OverlayOutcomeTag = "policyascode.overlay.outcome";

    /// <summary>Attribute: <c>ok</c> or <c>error</c> (the classifier failed; the content was refused).</summary>
    public const string ClassifierOutcomeTag = "policyascode.classifier.outcome";

    /// <summary>Attribute: the OpenTelemetry standard error type (<c>widening</c>, <c>invalid</c>, an exception type).</summary>
    public const string ErrorTypeTag = "error.type";

    private static readonly string? Version = typeof(PolicyTelemetry).Assembly.GetName().Version?.ToString();

    private readonly bool _ownsMeter;
    private readonly Counter<long> _resolutions;
    private readonly Counter<long> _adjustments;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _overlayReloads;
    private readonly Counter<long> _overlayRejections;
    private readonly Histogram<double> _classifierDuration;
    private readonly FleetStatus _fleet;
    private PopulationInstruments? _population;

    /// <summary>Creates the instruments, through <paramref name="meterFactory"/> when given (as dependency injection does), else on a meter of its own.</summary>
    public PolicyTelemetry(IMeterFactory? meterFactory = null)
    {
        var options = new MeterOptions(Name) { Version = Version };
        if (meterFactory is null)
        {
            Meter = new Meter(options);
            _ownsMeter = true;
        }
        else
        {
            Meter = meterFactory.Create(options);
        }

        _resolutions = Meter.CreateCounter<long>("policyascode.resolutions", "{resolution}", "Preferences resolved against a policy.");
        _adjustments = Meter.CreateCounter<long>("policyascode.adjustments", "{adjustment}", "Requested values a resolution moved, waived or failed closed, by dimension and cause.");
        _decisions = Meter.CreateCounter<long>("policyascode.decisions", "{decision}", "Decisions on content, by verdict, cause, stage and refusing tier.");
        _refusals = Meter.CreateCounter<long>("policyascode.refusals", "{refusal}", "Refusals, one per refused hazard category, by tier and hazard.");
        _overlayReloads = Meter.CreateCounter<long>("policyascode.overlay.reloads", "{reload}", "Runtime overlays accepted (applied, or unchanged from the policy in force).");
        _overlayRejections = Meter.CreateCounter<long>("policyascode.overlay.rejections", "{rejection}", "Runtime overlays rejected; the previous policy stayed in force.");
        _classifierDuration = Meter.CreateHistogram<double>("policyascode.classifier.duration", "s", "Time spent classifying content for hazards.");
        _fleet = new FleetStatus(Meter);
    }

    /// <summary>The activity source every span of the SDK starts from.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The meter the instruments belong to.</summary>
    public Meter Meter { get; }

    /// <summary>Records one resolution and each of its adjustments.</summary>
    public void RecordResolution<TPreferences>(PolicyRegistry registry, in Resolution<TPreferences> resolution)
        where TPreferences : class
    {
        ArgumentNullException.ThrowIfNull(registry);
        _resolutions.Add(
            1,
            new KeyValuePair<string, object?>(JurisdictionTag, JurisdictionName(registry, resolution.Jurisdiction)),
            new KeyValuePair<string, object?>(JurisdictionWithinTag, JurisdictionWithin(registry, resolution.Jurisdiction)));
        var links = RuleLinkIds.For(registry);
        foreach (var adjustment in resolution.Adjustments)
        {
            var tags = new TagList
            {
                { DimensionTag, adjustment.Dimension.Name },
                { AdjustmentCauseTag, CauseName(adjustment.Cause) },
                { TierRankTag, RankName(adjustment.Tier) },
                { TierNameTag, TierName(adjustment.Tier) },
                { TierWithinTag, TierWithin(adjustment.Tier) },
                { BenefitsTag, links.Benefits(adjustment.Rule) },
                { RisksTag, links.Risks(adjustment.Rule) },
            };
            _adjustments.Add(1, in tags);
        }
    }

    /// <summary>Records one decision and, for a refusal, one refusal per refused hazard category, without the request's jurisdiction.</summary>
    public void RecordDecision(PolicyRegistry registry, in Decision decision, ContentStage stage) =>
        Record(registry, decision, stage, null);

    /// <summary>
    /// Records one decision and, for a refusal, one refusal per refused hazard category, with the jurisdiction the
    /// request matched (<see cref="Resolution{TPreferences}.Jurisdiction"/> of the resolution decided against).
    /// </summary>
    public void RecordDecision(PolicyRegistry registry, in Decision decision, ContentStage stage, int jurisdiction) =>
        Record(registry, decision, stage, jurisdiction);

    private void Record(PolicyRegistry registry, Decision decision, ContentStage stage, int? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var tags = new TagList
        {
            { VerdictTag, decision.IsAllowed ? "allow" : "refuse" },
            { CauseTag, CauseName(decision.Cause) },
            { StageTag, StageName(stage) },
            { TierRankTag, RankName(decision.Tier) },
            { TierNameTag, TierName(decision.Tier) },
            { TierWithinTag, TierWithin(decision.Tier) },
        };
        if (jurisdiction is { } matched)
        {
            tags.Add(JurisdictionTag, JurisdictionName(registry, matched));
            tags.Add(JurisdictionWithinTag, JurisdictionWithin(registry, matched));
        }

        _decisions.Add(1, in tags);
        if (decision.IsAllowed)
        {
            return;
        }

        var risks = RuleLinkIds.For(registry).Risks(decision.Rule);
        foreach (var code in HazardCodes(registry, decision.Hazards))
        {
            var refusal = new TagList
            {
                { HazardTag, code },
                { TierRankTag, RankName(decision.Tier) },
                { TierNameTag, TierName(decision.Tier) },
                { TierWithinTag, TierWithin(decision.Tier) },
                { StageTag, StageName(stage) },
                { RisksTag, risks },
            };
            if (jurisdiction is { } where)
            {
                refusal.Add(JurisdictionTag, JurisdictionName(registry, where));
                refusal.Add(JurisdictionWithinTag, JurisdictionWithin(registry, where));
            }

            _refusals.Add(1, in refusal);
        }
    }

    /// <summary>Records an accepted overlay.</summary>
    public void RecordOverlayReload(bool changed) =>
        _overlayReloads.Add(1, new KeyValuePair<string, object?>(OverlayOutcomeTag, changed ? "applied" : "unchanged"));

    /// <summary>Records a rejected overlay.</summary>
    public void RecordOverlayRejection(OverlayErrorKind kind) =>
        _overlayRejections.Add(1, new KeyValuePair<string, object?>(ErrorTypeTag, kind switch
        {
            OverlayErrorKind.Widening => "widening",
            OverlayErrorKind.Unreadable => "unreadable",
            _ => "invalid",
        }));

    /// <summary>Reports, on the fleet-status gauge, what <paramref name="served"/> says an engine serves, until the registration is disposed.</summary>
    internal IDisposable Serve(Func<ServedPolicy> served) => _fleet.Served.Add(served);

    /// <summary>Exports <paramref name="snapshot"/> on the societal-monitoring instruments (created on first use), until the registration is disposed.</summary>
    internal IDisposable ExportPopulation(Func<PolicyAsCode.Monitoring.PersonalisationSnapshot> snapshot) =>
        System.Threading.LazyInitializer.EnsureInitialized(ref _population, () => new PopulationInstruments(Meter)).Snapshots.Add(snapshot);

    /// <summary>Records how long one classification took.</summary>
    public void RecordClassification(TimeSpan elapsed, ContentStage stage, bool succeeded) =>
        _classifierDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(StageTag, StageName(stage)),
            new KeyValuePair<string, object?>(ClassifierOutcomeTag, succeeded ? "ok" : "error"));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    /// <summary>The attribute value of a stage.</summary>
    public static string StageName(ContentStage stage) => stage == ContentStage.Input ? "input" : "output";

    /// <summary>The attribute value of a tier's rank.</summary>
    public static string RankName(TierInfo? tier) => tier?.Rank switch
    {
        TierRank.Immutable => "immutable",
        TierRank.Organisation => "organisation",
        TierRank.User => "user",
        _ => "none",
    };

    /// <summary>The attribute value of a jurisdiction index.</summary>
    public static string JurisdictionName(PolicyRegistry registry, int jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return jurisdiction >= 0 && jurisdiction < registry.Jurisdictions.Length ? registry.Jurisdictions[jurisdiction] : "none";
    }

    /// <summary>
    /// The attribute value of the jurisdictions a jurisdiction index sits within, as the policy's shape answers it
    /// (<see cref="PolicyShape.EnclosingNames"/>): nearest first, comma-separated, or <c>none</c>.
    /// </summary>
    public static string JurisdictionWithin(PolicyRegistry registry, int jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return jurisdiction >= 0 && jurisdiction < registry.Jurisdictions.Length ? Within(registry.Shape.EnclosingNames(jurisdiction)) : "none";
    }

    /// <summary>The attribute value of the tier responsible: its name, or <c>none</c>.</summary>
    public static string TierName(TierInfo? tier) => tier?.Name ?? "none";

    /// <summary>The attribute value of the laws the tier responsible sits within (<see cref="TierInfo.EnclosingLaws"/>): nearest first, comma-separated, or <c>none</c>.</summary>
    public static string TierWithin(TierInfo? tier) => Within(tier?.EnclosingLaws ?? default);

    /// <summary>The attribute value of benefits: their ids as the policy names them (<see cref="Taxonomy.Describe(Benefit, PolicyRegistry)"/>), comma-separated, or <c>none</c>.</summary>
    public static string BenefitIds(PolicyRegistry registry, ImmutableArray<Benefit> benefits)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Ids(benefits, b => Taxonomy.Describe(b, registry)?.Id ?? "benefit." + b);
    }

    /// <summary>The attribute value of risks: their ids as the policy names them (<see cref="Taxonomy.Describe(Risk, PolicyRegistry)"/>), comma-separated, or <c>none</c>.</summary>
    public static string RiskIds(PolicyRegistry registry, ImmutableArray<Risk> risks)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Ids(risks, r => Taxonomy.Describe(r, registry)?.Id ?? "risk." + r);
    }

    private static string Ids<T>(ImmutableArray<T> items, Func<T, string> id) =>
        items.IsDefaultOrEmpty ? "none" : string.Join(",", System.Linq.Enumerable.Select(items, id));

    private static string Within(ImmutableArray<string> enclosing) =>
        enclosing.IsDefaultOrEmpty ? "none" : string.Join(",", enclosing);

    /// <summary>The attribute value of a decision cause: the name decision records give it, so logs, records and metrics agree.</summary>
    public static string CauseName(DecisionCause cause) => PolicyAsCode.Records.DecisionRecords.CauseName(cause);

    /// <summary>The attribute value of an adjustment cause: the name decision records give it.</summary>
    public static string CauseName(AdjustmentCause cause) => PolicyAsCode.Records.DecisionRecords.CauseName(cause);

    /// <summary>The code of each hazard category in <paramref name="hazards"/>: S1…S14, the policy's custom codes, <c>unknown</c> for the rest (once).</summary>
    public static IEnumerable<string> HazardCodes(PolicyRegistry registry, Hazard hazards)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var name in HazardNames.Of(hazards, registry.CustomHazards))
        {
            yield return name.Code;
        }

        if (HazardNames.Unnamed(hazards, registry.CustomHazards) != Hazard.None)
        {
            yield return "unknown";
        }
    }
}
