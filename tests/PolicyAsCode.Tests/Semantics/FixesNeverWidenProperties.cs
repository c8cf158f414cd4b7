using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Tests.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// Fixes never widen (issue 12, point 4): every rewrite and removal the code fixes may offer (what
/// <see cref="OverrideCheck.SafeRewrite"/> and <see cref="OverrideCheck.RemovalKeepsPolicy"/> allow, the only places the
/// analysers take a fix from), applied to random policies, leaves what a user may choose (<see cref="PolicyInterpreter.Allowed"/>)
/// the same or narrower in every jurisdiction (an unknown one included) and every context.
/// </summary>
public sealed class FixesNeverWidenProperties(ITestOutputHelper output)
{
    private const int Policies = 10_000;

    [Fact]
    public void Every_offered_fix_leaves_every_users_choices_the_same_or_narrower_everywhere()
    {
        long policies = 0, rewrites = 0, removals = 0, refused = 0, compared = 0, lawFixes = 0;
        OverrideCheckDifferentialTests.Registry.Sample(
            registry =>
            {
                Interlocked.Increment(ref policies);
                foreach (var found in OverrideCheck.All(registry.Shape).Where(o => o.Kind != OverrideKind.Value).DistinctBy(o => (o.Kind, o.Bound)))
                {
                    var rule = registry.Bounds[found.Bound];
                    var domain = registry.Dimensions[rule.Dimension].Domain;
                    PolicyRegistry after;
                    if (found.Kind == OverrideKind.Bound)
                    {
                        if (OverrideCheck.SafeRewrite(registry.Shape, found, rule.Form, Written(rule)) is not { } value)
                        {
                            Interlocked.Increment(ref refused);
                            continue;
                        }

                        Interlocked.Increment(ref rewrites);
                        after = Replace(registry, rule.Index, rule with { Bound = Lattice.Build(domain, rule.Form, value, value) });
                    }
                    else if (found.Kind == OverrideKind.NoEffect)
                    {
                        if (!OverrideCheck.RemovalKeepsPolicy(registry.Shape, registry.Shape.Bounds[rule.Index]))
                        {
                            Interlocked.Increment(ref refused);
                            continue;
                        }

                        Interlocked.Increment(ref removals);
                        after = Replace(registry, rule.Index, null);
                    }
                    else
                    {
                        continue;
                    }

                    Interlocked.Add(ref compared, AssertNoWider(registry, after, rule.Dimension));
                    if (registry.Tiers[rule.Tier].Rank == TierRank.Immutable)
                    {
                        // A fix of a law within a law (its policies come from OverrideCheckDifferentialTests.Registry).
                        Interlocked.Increment(ref lawFixes);
                    }
                }
            },
            iter: Policies);

        output.WriteLine($"{policies} random policies: {rewrites} rewrites and {removals} removals offered and applied, {refused} refused as widening ({lawFixes} fixes of laws within laws); Allowed compared in {compared} jurisdiction-context pairs");
        Assert.Equal(Policies, policies);
        Assert.True(rewrites > 0 && removals > 0 && refused > 0, "the random policies must offer rewrites and removals, and refuse some");
        Assert.True(lawFixes > 0, "the random policies must offer fixes of laws within laws");
    }

    // Allowed after within Allowed before, for every context the oracle enumerates, in each law's jurisdiction and in an unknown one.
    private static int AssertNoWider(PolicyRegistry before, PolicyRegistry after, int dimension)
    {
        var oldInterpreter = new PolicyInterpreter(before);
        var newInterpreter = new PolicyInterpreter(after);
        var count = 0;
        foreach (var jurisdiction in OverrideOracle.Jurisdictions(before).Append("XX"))
        {
            foreach (var context in OverrideOracle.Contexts(before, jurisdiction))
            {
                var was = oldInterpreter.Allowed(dimension, context);
                var now = newInterpreter.Allowed(dimension, context);
                Assert.True(Lattice.IsWithin(now, was), $"a fix widened dimension {dimension} in {context}: {was} became {now}\n{RandomPolicies.Describe(new PolicyCase(before, context, [], default))}");
                count++;
            }
        }

        return count;
    }

    // The value an author wrote in a single-valued bound, read back from what it allows.
    private static DimensionValue Written(BoundRule rule)
    {
        var b = rule.Bound;
        return b.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real => DimensionValue.OfNumber(rule.Form == BoundForm.AtMost ? b.Hi : b.Lo),
            DimensionKind.Set => DimensionValue.OfMask(rule.Form == BoundForm.AtMost ? b.Ceiling : b.Floor),
            _ => DimensionValue.OfPosition(rule.Form == BoundForm.AtMost ? 63 - System.Numerics.BitOperations.LeadingZeroCount(b.Ceiling) : System.Numerics.BitOperations.TrailingZeroCount(b.Ceiling)),
        };
    }

    private static PolicyRegistry Replace(PolicyRegistry registry, int index, BoundRule? replacement)
    {
        var bounds = registry.Bounds.Where(b => b.Index != index || replacement is not null).Select(b => b.Index == index ? replacement! : b)
            .Select((b, i) => b with { Index = i }).ToImmutableArray();
        return new PolicyRegistry(registry.Name, registry.Tiers, registry.Dimensions, bounds, registry.Forbids, registry.Waivers, registry.Defaults, registry.CustomHazards, registry.NeverTogether);
    }
}
