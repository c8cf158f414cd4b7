using System.Runtime.CompilerServices;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The <c>policyascode.benefits</c> and <c>policyascode.risks</c> values of a registry's rules, worded once per registry:
/// telemetry tags every adjustment and refusal with them, so joining ids on each request would allocate on the request
/// path for text that never changes.
/// </summary>
internal sealed class RuleLinkIds
{
    private static readonly ConditionalWeakTable<PolicyRegistry, RuleLinkIds> Cache = new();

    private readonly PolicyRegistry _registry;
    private readonly string[] _boundBenefits;
    private readonly string[] _boundRisks;
    private readonly string[] _forbidRisks;

    private RuleLinkIds(PolicyRegistry registry)
    {
        _registry = registry;
        _boundBenefits = new string[registry.Bounds.Length];
        _boundRisks = new string[registry.Bounds.Length];
        for (var i = 0; i < registry.Bounds.Length; i++)
        {
            _boundBenefits[i] = PolicyTelemetry.BenefitIds(registry, registry.Bounds[i].Enables);
            _boundRisks[i] = PolicyTelemetry.RiskIds(registry, registry.Bounds[i].Mitigates);
        }

        _forbidRisks = new string[registry.Forbids.Length];
        for (var i = 0; i < registry.Forbids.Length; i++)
        {
            _forbidRisks[i] = PolicyTelemetry.RiskIds(registry, registry.Forbids[i].Mitigates);
        }
    }

    public static RuleLinkIds For(PolicyRegistry registry) => Cache.GetValue(registry, static r => new RuleLinkIds(r));

    // A rule of another registry (never expected) is worded afresh rather than mistaken for this one's rule of that index.
    public string Benefits(BoundRule? rule) =>
        rule is null ? "none" : Owns(rule.Index, _boundBenefits.Length, rule, _registry.Bounds) ? _boundBenefits[rule.Index] : PolicyTelemetry.BenefitIds(_registry, rule.Enables);

    public string Risks(BoundRule? rule) =>
        rule is null ? "none" : Owns(rule.Index, _boundRisks.Length, rule, _registry.Bounds) ? _boundRisks[rule.Index] : PolicyTelemetry.RiskIds(_registry, rule.Mitigates);

    public string Risks(ForbidRule? rule) =>
        rule is null ? "none" : Owns(rule.Index, _forbidRisks.Length, rule, _registry.Forbids) ? _forbidRisks[rule.Index] : PolicyTelemetry.RiskIds(_registry, rule.Mitigates);

    private static bool Owns<T>(int index, int length, T rule, System.Collections.Immutable.ImmutableArray<T> rules)
        where T : class =>
        index >= 0 && index < length && ReferenceEquals(rules[index], rule);
}
