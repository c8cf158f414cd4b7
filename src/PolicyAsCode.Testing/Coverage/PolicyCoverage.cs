using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Testing;

/// <summary>
/// Which of a policy's bounds, waivers and hazard rules a set of cases exercised, as a share and as the list of those
/// never exercised. What "exercised" means is in docs/testing-policies.md. Waiver claims a higher tier never
/// delegated have no effect (the analysers report them), so they are not counted.
/// </summary>
public sealed class PolicyCoverage
{
    private readonly PolicyRegistry _registry;
    private readonly int[] _bounds;
    private readonly int[] _forbids;
    private readonly int[] _waivers;

    /// <summary>Starts the coverage of <paramref name="registry"/>'s policy, with no case run.</summary>
    public PolicyCoverage(PolicyRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _bounds = new int[registry.Bounds.Length];
        _forbids = new int[registry.Forbids.Length];
        _waivers = new int[registry.Waivers.Length];
    }

    /// <summary>How many case results were added.</summary>
    public int Cases { get; private set; }

    /// <summary>Runs every case against the compiled policy <typeparamref name="T"/> and gives their coverage.</summary>
    /// <exception cref="PolicyCaseException">A case names something the policy does not have.</exception>
    public static PolicyCoverage Of<T>(IEnumerable<PolicyCase> cases)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(cases);
        var coverage = new PolicyCoverage(T.Registry);
        foreach (var c in cases)
        {
            coverage.Add(PolicyCaseRunner.Run<T>(c));
        }

        return coverage;
    }

    /// <summary>Runs every case against <paramref name="registry"/> with the reference interpreter and gives their coverage.</summary>
    /// <exception cref="PolicyCaseException">A case names something the policy does not have.</exception>
    public static PolicyCoverage Of(PolicyRegistry registry, IEnumerable<PolicyCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var coverage = new PolicyCoverage(registry);
        foreach (var c in cases)
        {
            coverage.Add(PolicyCaseRunner.Run(registry, c));
        }

        return coverage;
    }

    /// <summary>Counts the rules a case exercised (whether it passed or not: it put them to the test either way).</summary>
    public void Add(PolicyCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var i in result.Exercised.Bounds)
        {
            _bounds[i]++;
        }

        foreach (var i in result.Exercised.Forbids)
        {
            _forbids[i]++;
        }

        foreach (var i in result.Exercised.Waivers)
        {
            _waivers[i]++;
        }

        Cases++;
    }

    /// <summary>Every counted rule, bounds first (in canonical order), then waivers, then hazard rules.</summary>
    public IReadOnlyList<CoverageRule> Rules
    {
        get
        {
            var rules = new List<CoverageRule>();
            foreach (var rule in _registry.Bounds)
            {
                rules.Add(new CoverageRule(CoverageRuleKind.Bound, rule.Index, _registry.Tiers[rule.Tier].ToString(), RuleWords.Bound(_registry, rule), _bounds[rule.Index]));
            }

            foreach (var claim in _registry.Waivers.Where(c => c.IsDelegated))
            {
                rules.Add(new CoverageRule(CoverageRuleKind.Waiver, claim.Index, _registry.Tiers[claim.Claimant].ToString(), RuleWords.Waiver(_registry, claim), _waivers[claim.Index]));
            }

            foreach (var rule in _registry.Forbids)
            {
                rules.Add(new CoverageRule(CoverageRuleKind.HazardRule, rule.Index, _registry.Tiers[rule.Tier].ToString(), RuleWords.Forbid(_registry, rule), _forbids[rule.Index]));
            }

            return rules;
        }
    }

    /// <summary>The rules no case exercised.</summary>
    public IReadOnlyList<CoverageRule> NeverExercised => Rules.Where(r => !r.IsExercised).ToList();

    /// <summary>The share of rules exercised, 0 to 100 (100 for a policy with no rules).</summary>
    public double Percent => Rules.Count == 0 ? 100 : 100.0 * Rules.Count(r => r.IsExercised) / Rules.Count;

    /// <summary>
    /// One line: <c>coverage: 17 of 20 rules exercised (85.0%) by 12 cases: bounds 12 of 14, waivers 2 of 2, hazard rules 3 of 4.</c>
    /// </summary>
    public string Summary
    {
        get
        {
            var rules = Rules;
            string Of(CoverageRuleKind kind, string name) =>
                $"{name} {rules.Count(r => r.Kind == kind && r.IsExercised)} of {rules.Count(r => r.Kind == kind)}";
            return string.Create(CultureInfo.InvariantCulture,
                $"coverage: {rules.Count(r => r.IsExercised)} of {rules.Count} rules exercised ({Percent:F1}%) by {Cases} case{(Cases == 1 ? string.Empty : "s")}: "
                + $"{Of(CoverageRuleKind.Bound, "bounds")}, {Of(CoverageRuleKind.Waiver, "waivers")}, {Of(CoverageRuleKind.HazardRule, "hazard rules")}.");
        }
    }

    /// <summary>The summary, then each rule never exercised on a line: <c>- bound: law of US: MemoryDays Locked(0) (when Minor)</c>.</summary>
    public string ToText()
    {
        var text = new StringBuilder(Summary).Append('\n');
        var never = NeverExercised;
        text.Append(never.Count == 0 ? "Every rule was exercised.\n" : "Never exercised:\n");
        foreach (var rule in never)
        {
            text.Append("- ").Append(rule.KindText).Append(": ").Append(rule).Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
