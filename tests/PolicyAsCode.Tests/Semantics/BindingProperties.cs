using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// <see cref="Binding.Always"/>, what overlays are checked against, is what every context guarantees: a bound waived by
/// an organisation only under a condition does not bind everywhere (the overlay compiler once counted it, while the
/// analysers ignored the condition; both now ask the kernel).
/// </summary>
public sealed class BindingProperties(ITestOutputHelper output)
{
    [Fact]
    public void What_binds_in_every_context_contains_what_applies_in_each()
    {
        long compared = 0, nested = 0;
        OverrideCheckDifferentialTests.Registry.Sample(
            registry =>
            {
                var shape = registry.Shape;
                if (Enumerable.Range(0, shape.Jurisdictions.Length).Any(j => !shape.Enclosing(j).IsEmpty))
                {
                    Interlocked.Increment(ref nested);
                }

                for (var d = 0; d < shape.Dimensions.Length; d++)
                {
                    for (var j = -1; j < shape.Jurisdictions.Length; j++)
                    {
                        var always = Binding.Always(shape, d, j);
                        foreach (var context in OverrideOracle.Contexts(registry, shape.JurisdictionName(j)))
                        {
                            var narrowing = Binding.Narrow(shape, d, j, context);
                            if (narrowing.Conflict < 0)
                            {
                                Assert.True(Lattice.IsWithin(narrowing.Strict, always), $"in {context} the applicable bounds allow {narrowing.Strict}, outside what every context guarantees, {always}");
                                Interlocked.Increment(ref compared);
                            }
                        }
                    }
                }
            },
            iter: 2_000);
        output.WriteLine($"{compared} dimension-context pairs ({nested} of the policies with laws within laws): the applicable bounds always lie within what every context guarantees");
        Assert.True(compared > 0 && nested > 0);
    }

    [Fact]
    public void A_bound_an_organisation_waives_only_in_role_play_does_not_bind_in_every_context()
    {
        var domain = Lattice.IntegerDomain;
        var registry = new PolicyRegistry(
            "Test.Prefs",
            [new TierInfo(0, "EU", "Test.EuLaw", TierRank.Immutable, []), new TierInfo(1, "acme", "Test.Acme", TierRank.Organisation, [0]), new TierInfo(2, "Prefs", "Test.Prefs", TierRank.User, [1])],
            [new DimensionInfo(0, "Days", DimensionKind.Integer, "int", [], [], domain, false, DimensionValue.OfNumber(0), false, null, [], [])],
            [
                new BoundRule(0, 0, 0, BoundForm.AtMost, Lattice.Build(domain, BoundForm.AtMost, DimensionValue.OfNumber(30), default), Condition.Always, TierRank.Organisation, "AtMost(30)", null, [], []),
                new BoundRule(1, 0, 0, BoundForm.AtMost, Lattice.Build(domain, BoundForm.AtMost, DimensionValue.OfNumber(365), default), Condition.Always, null, "AtMost(365)", null, [], []),
            ],
            [],
            [new WaiverClaim(0, 1, 0, 0, new Condition(Fact.RolePlay, Fact.None), true)],
            [],
            []);

        Assert.Equal(365, Binding.Always(registry.Shape, 0, 0).Hi);
        Assert.Equal(365, new PolicyInterpreter(registry).Allowed(0, PolicyContext.In("EU").With(Fact.RolePlay, true)).Hi);
        Assert.Equal(30, new PolicyInterpreter(registry).Allowed(0, PolicyContext.In("EU")).Hi);
    }
}
