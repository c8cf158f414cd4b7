using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Tests.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// Build time and run time agree (issue 12, point 3): on random policies, <see cref="OverrideCheck"/> (what the
/// analysers report as PAC0001 and PAC0012, and <c>pac verify</c> prints) finds a lower-tier rule overridden in a
/// jurisdiction if and only if the interpreter, resolving in every context, finds it skipped or moved there.
/// </summary>
public sealed class OverrideCheckDifferentialTests(ITestOutputHelper output)
{
    private const int Policies = 10_000;

    /// <summary>
    /// Random policies, most of those with several laws nesting them (<see cref="NestedLaws"/>), a quarter declaring
    /// that Minor and RolePlay never hold together.
    /// </summary>
    internal static readonly Gen<PolicyRegistry> Registry =
        from registry in NestedLaws.Of(RandomPolicies.Registry)
        from declares in Gen.Frequency((3, false), (1, true))
        select declares ? WithNeverTogether(registry, Fact.Minor | Fact.RolePlay) : registry;

    [Fact]
    public void The_check_reports_a_rule_if_and_only_if_resolution_in_some_context_overrides_it()
    {
        long policies = 0, nested = 0, bounds = 0, lawBounds = 0, lawOverridden = 0, values = 0, sometimes = 0, always = 0, indeterminate = 0;
        Registry.Sample(
            registry =>
            {
                Interlocked.Increment(ref policies);
                if (registry.Tiers.Any(t => t.Rank == TierRank.Immutable && !t.Within.IsDefaultOrEmpty))
                {
                    Interlocked.Increment(ref nested);
                }

                var shape = registry.Shape;
                var found = OverrideCheck.All(shape).Where(o => o.Kind != OverrideKind.NoEffect).ToList();
                foreach (var jurisdiction in OverrideOracle.Jurisdictions(registry))
                {
                    var j = registry.MatchJurisdiction(jurisdiction);
                    // Every bound some tier binds: those of organisations and users, and of laws within laws.
                    foreach (var rule in registry.Bounds.Where(b => Enumerable.Range(0, registry.Tiers.Length).Any(t => OverrideOracle.IsAbove(registry, t, b.Tier))))
                    {
                        var verdict = OverrideOracle.ForBound(registry, rule, jurisdiction);
                        if (verdict == OverrideOracle.Verdict.Indeterminate)
                        {
                            Interlocked.Increment(ref indeterminate);
                            continue;
                        }

                        Interlocked.Increment(ref bounds);
                        if (registry.Tiers[rule.Tier].Rank == TierRank.Immutable)
                        {
                            Interlocked.Increment(ref lawBounds);
                            if (verdict != OverrideOracle.Verdict.Never)
                            {
                                Interlocked.Increment(ref lawOverridden);
                            }
                        }

                        var reported = found.Where(o => o.Kind == OverrideKind.Bound && o.Bound == rule.Index && o.Jurisdiction == j).ToList();
                        var expected = verdict switch
                        {
                            OverrideOracle.Verdict.Always => "PAC0001",
                            OverrideOracle.Verdict.Sometimes => "PAC0012",
                            _ => "nothing",
                        };
                        var actual = reported.Count == 0 ? "nothing" : reported.Count > 1 ? "several" : reported[0].InEveryContext ? "PAC0001" : "PAC0012";
                        Assert.True(expected == actual, $"bound {rule.Source} of tier {rule.Tier} in {jurisdiction ?? "(no law)"}: expected {expected}, the check gave {actual}\n{RandomPolicies.Describe(new PolicyCase(registry, default, [], default))}");
                        if (verdict == OverrideOracle.Verdict.Sometimes)
                        {
                            Interlocked.Increment(ref sometimes);
                            AssertWitness(registry, reported[0], rule);
                        }
                        else if (verdict == OverrideOracle.Verdict.Always)
                        {
                            Interlocked.Increment(ref always);
                        }
                    }

                    foreach (var value in shape.Values)
                    {
                        var verdict = OverrideOracle.ForValue(registry, value.Tier, value.Dimension, value.Value, jurisdiction);
                        if (verdict == OverrideOracle.Verdict.Indeterminate)
                        {
                            Interlocked.Increment(ref indeterminate);
                            continue;
                        }

                        Interlocked.Increment(ref values);
                        var reported = found.Any(o => o.Kind == OverrideKind.Value && o.Tier == value.Tier && o.Dimension == value.Dimension && o.Value == value.Value && o.Jurisdiction == j);
                        Assert.True(
                            reported == (verdict == OverrideOracle.Verdict.Always),
                            $"value {value.Value} of tier {value.Tier} on dimension {value.Dimension} in {jurisdiction ?? "(no law)"}: resolution says {verdict}, the check {(reported ? "reports it" : "does not")}\n{RandomPolicies.Describe(new PolicyCase(registry, default, [], default))}");
                    }
                }
            },
            iter: Policies);

        output.WriteLine($"{policies} random policies ({nested} with laws within laws); compared {bounds} lower-tier bounds ({lawBounds} of laws within laws, {lawOverridden} of them overridden; {always} overridden in every context, {sometimes} in some) and {values} values per jurisdiction; {indeterminate} rule-jurisdiction pairs left out because the higher tiers contradict each other there");
        Assert.Equal(Policies, policies);
        Assert.True(always > 0 && sometimes > 0, "the random policies must exercise both PAC0001 and PAC0012");
        Assert.True(nested > 0 && lawBounds > lawOverridden && lawOverridden > 0, "the random policies must have laws within laws whose bounds narrow the laws they sit within, and some that override them");
    }

    // The witness is a context in which resolution really skips the bound.
    private static void AssertWitness(PolicyRegistry registry, Override found, BoundRule rule)
    {
        var verdict = OverrideOracle.ForBound(
            registry,
            rule,
            found.Witness.Jurisdiction);
        Assert.NotEqual(OverrideOracle.Verdict.Never, verdict);
        Assert.True(rule.Condition.Restricts(found.Witness), $"the witness {found.Witness} is a context in which {rule.Source} is not in force");
    }

    internal static PolicyRegistry WithNeverTogether(PolicyRegistry registry, Fact facts) =>
        new(registry.Name, registry.Tiers, registry.Dimensions, registry.Bounds, registry.Forbids, registry.Waivers, registry.Defaults, registry.CustomHazards, [facts]);
}
