using System;
using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Runtime;
using PolicyAsCode.Tests.Interpretation;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>
/// Issue 19, point 1, as a property: random overlays over random policies. Whatever the compiler accepts leaves what
/// users may choose the same or narrower in every jurisdiction and context, and never lets through content a user
/// asked to avoid.
/// </summary>
public sealed class OverlayNarrowingProperties
{
    private static readonly Fact AllFacts = Fact.Minor | Fact.ConsentsToMemory | Fact.RolePlay;

    private static readonly Gen<(PolicyRegistry Registry, PolicyOverlay Overlay)> Case =
        from registry in RandomPolicies.Registry
        where registry.Tiers.Any(t => t.Rank == TierRank.Organisation)
        from overlay in RandomOverlays.Overlay(registry)
        select (registry, overlay);

    [Fact]
    public void An_accepted_overlay_never_widens_what_users_may_choose_nor_lets_through_what_they_asked_to_avoid()
    {
        var accepted = 0;
        Case.Sample(c =>
        {
            var compilation = PolicyOverlayCompiler.Compile(c.Registry, c.Overlay);
            if (!compilation.Succeeded)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            var before = new PolicyInterpreter(c.Registry);
            var after = new PolicyInterpreter(compilation.Registry!);
            for (var j = -1; j < c.Registry.Jurisdictions.Length; j++)
            {
                foreach (var context in ContextSpace.Every(j < 0 ? null : c.Registry.Jurisdictions[j], AllFacts, []))
                {
                    foreach (var dimension in c.Registry.Dimensions)
                    {
                        var was = before.Allowed(dimension.Index, context);
                        var now = after.Allowed(dimension.Index, context);
                        if (dimension.IsHazardSet)
                        {
                            // The user's own list: what they may avoid never shrinks, what they must avoid never shrinks.
                            Assert.True(AvoidList.Capped(was, now) == 0 && (was.Floor & ~now.Floor) == 0,
                                $"{dimension.Name} in {context.Jurisdiction ?? "(none)"} {context.Facts}/{context.Known}: {dimension.Format(was)} became {dimension.Format(now)}");
                        }
                        else
                        {
                            Assert.True(Lattice.IsWithin(now, was),
                                $"{dimension.Name} in {context.Jurisdiction ?? "(none)"} {context.Facts}/{context.Known}: {dimension.Format(was)} widened to {dimension.Format(now)}");
                        }
                    }
                }
            }
        }, iter: 3_000, print: c => RandomPolicies.Describe(new PolicyCase(c.Registry, default, [], default)) + "overlay:\n" + c.Overlay.Describe());

        Assert.True(accepted >= 300, $"only {accepted} of 3000 random overlays were accepted; the property says too little");
    }

    [Fact]
    public void An_accepted_overlay_refuses_everything_the_compiled_policy_refuses_for_any_request()
    {
        var gen =
            from c in Case
            from requests in Gen.Select(RandomPolicies.Context(c.Registry), RandomPolicies.Requested(c.Registry), RandomPolicies.Unreadable(c.Registry), RandomPolicies.Detected(c.Registry),
                (context, requested, unreadable, detected) => (context, requested, unreadable, detected)).Array[8]
            select (c.Registry, c.Overlay, requests);

        gen.Sample(c =>
        {
            var compilation = PolicyOverlayCompiler.Compile(c.Registry, c.Overlay);
            if (!compilation.Succeeded)
            {
                return;
            }

            var before = new PolicyInterpreter(c.Registry);
            var after = new PolicyInterpreter(compilation.Registry!);
            foreach (var (context, requested, unreadable, detected) in c.requests)
            {
                var was = before.Resolve(requested, context, unreadable);
                var now = after.Resolve(requested, context, unreadable);
                Assert.True((was.Forbidden & ~now.Forbidden) == Hazard.None, $"no longer forbidden: {was.Forbidden & ~now.Forbidden}");
                if (!before.Decide(in was, detected).IsAllowed)
                {
                    Assert.False(after.Decide(in now, detected).IsAllowed, $"{detected} refused before the overlay, allowed after");
                }
            }
        }, iter: 3_000, print: c => RandomPolicies.Describe(new PolicyCase(c.Registry, default, [], default)) + "overlay:\n" + c.Overlay.Describe());
    }
}
