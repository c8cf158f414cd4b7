using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using PolicyAsCode.Learning;
using PolicyAsCode.Tests.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Learning;

/// <summary>
/// Issue 18, point 6, on random policies: no sequence of random feedback, in any jurisdiction and context, moves an
/// effective value outside an applicable bound, outside a binding LearnWithin range, where a NotLearnable binds, or
/// over an explicit choice. The oracle reads the rules from the registry itself, not through LearningScope.
/// </summary>
public sealed class LearningProperties(ITestOutputHelper output)
{
    private const int Cases = 20_000;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private sealed record LearningCase(PolicyRegistry Registry, PolicyContext Context, DimensionValue[] Start, DimensionSet Explicit, FeedbackHistory History, StepLearnerOptions Options)
    {
        public override string ToString() =>
            $"{Registry.Dimensions.Length} dimensions, {Registry.LearningRules.Length} learning rules, context {Context}, {History.Events.Count} events, {History.Resets.Count} resets";
    }

    private static readonly Gen<PolicyRegistry> LearningRegistry =
        from registry in RandomPolicies.Registry
        from learnable in Gen.Frequency((1, false), (3, true)).Array[registry.Dimensions.Length]
        from rules in RandomPolicies.Sequence(registry.Tiers.Where(t => t.Rank != TierRank.User)
            .SelectMany(t => registry.Dimensions.Select(d => Rule(t.Index, d))).ToArray())
        select new PolicyRegistry(
            registry.Name, registry.Tiers,
            [.. registry.Dimensions.Select(d => d with { Learnable = learnable[d.Index] && d.Kind is DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real or DimensionKind.Boolean })],
            registry.Bounds, registry.Forbids, registry.Waivers, registry.Defaults, registry.CustomHazards, registry.NeverTogether,
            learningRules: [.. rules.Where(r => r is not null).Select(r => r!)]);

    private static Gen<LearningRule?> Rule(int tier, DimensionInfo dimension)
    {
        var ranged = dimension.Kind is DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real;
        return from kind in Gen.Frequency((8, 0), (1, 1), (ranged ? 3 : 0, 2))
               from a in RandomPolicies.InDomainValue(dimension)
               from b in RandomPolicies.InDomainValue(dimension)
               select kind switch
               {
                   1 => new LearningRule(tier, dimension.Index, true, dimension.Domain, "NotLearnable()", null),
                   2 => new LearningRule(tier, dimension.Index, false, Range(dimension, a, b), "LearnWithin(a, b)", null),
                   _ => null,
               };
    }

    private static Bound Range(DimensionInfo dimension, DimensionValue a, DimensionValue b)
    {
        var (lo, hi) = dimension.Kind == DimensionKind.Ordinal
            ? (a.Position <= b.Position ? (a, b) : (b, a))
            : (a.Number <= b.Number ? (a, b) : (b, a));
        return Lattice.Build(dimension.Domain, BoundForm.Between, lo, hi);
    }

    private static Gen<FeedbackHistory> History(PolicyRegistry registry)
    {
        var names = registry.Dimensions.Select(d => d.Name).Append("Unknown").ToArray();
        var nudge = from name in Gen.OneOf(names)
                    from lower in Gen.Bool
                    select new DimensionNudge(name, lower ? FeedbackDirection.Lower : FeedbackDirection.Higher, lower ? "less" : "more");
        var feedback = from nudges in nudge.Array[0, 3]
                       from minutes in Gen.Int[-60, 60 * 24 * 60]
                       from id in Gen.Int[0, 1000]
                       select new FeedbackEvent("e" + id, "u", Now - TimeSpan.FromMinutes(minutes), nudges);
        var reset = from name in Gen.OneOf(names)
                    from minutes in Gen.Int[0, 60 * 24 * 60]
                    select new LearningReset(name, Now - TimeSpan.FromMinutes(minutes));
        return from events in feedback.Array[0, 60]
               from resets in reset.Array[0, 3]
               select new FeedbackHistory(events, resets);
    }

    private static readonly Gen<LearningCase> Case =
        from registry in LearningRegistry
        from context in RandomPolicies.Context(registry)
        from start in RandomPolicies.Sequence(registry.Dimensions.Select(RandomPolicies.InDomainValue).ToArray())
        from explicitFlags in Gen.Frequency((3, false), (1, true)).Array[registry.Dimensions.Length]
        from history in History(registry)
        from perStep in Gen.Frequency((3, 3.0), (1, 1.0), (1, 0.5))
        from fraction in Gen.Frequency((3, 0.1), (1, 0.5), (1, 3.0))
        select new LearningCase(
            registry, context, start,
            Enumerable.Range(0, explicitFlags.Length).Where(i => explicitFlags[i]).Aggregate(DimensionSet.Empty, (s, i) => s.With(i)),
            history, new StepLearnerOptions(perStep, TimeSpan.FromDays(14), fraction));

    [Fact]
    public void No_feedback_leaves_a_bound_a_learning_range_a_not_learnable_rule_or_an_explicit_choice()
    {
        var learnedSomewhere = 0;
        var heldByBounds = 0;
        Case.Sample(c =>
        {
            var learned = new StepLearner(c.Options).Learn(c.Registry, c.Start, c.History, Now);
            var request = c.Start.ToArray();
            var (applied, _) = LearnedLayers.Layer(c.Registry, request, c.Explicit, learned, c.Context);
            var resolution = new PolicyInterpreter(c.Registry).Resolve(request, c.Context);
            var jurisdiction = c.Registry.MatchJurisdiction(c.Context.Jurisdiction);
            foreach (var dimension in c.Registry.Dimensions)
            {
                var d = dimension.Index;
                var binding = c.Registry.LearningRules.Where(r => r.Dimension == d && c.Registry.TierApplies(r.Tier, jurisdiction)).ToList();
                var mayLearn = dimension.Learnable && !c.Explicit.Contains(d) && !binding.Any(r => r.NotLearnable);
                if (!mayLearn)
                {
                    Assert.True(request[d] == c.Start[d], $"{c}: {dimension.Name} was learned though explicit, unmarked or NotLearnable here");
                    continue;
                }

                if (request[d] == c.Start[d] && !applied.Any(a => a.Dimension == d))
                {
                    continue;
                }

                learnedSomewhere++;
                foreach (var rule in binding)
                {
                    Assert.True(Lattice.Contains(rule.Range, request[d]), $"{c}: learned {dimension.Format(request[d])} for {dimension.Name} leaves {rule.Source} of tier {rule.Tier}");
                }

                // A learned value is a request inside every applicable bound: granted as asked, no waiver used, never clamped.
                var adjustment = resolution.Adjustments.FirstOrDefault(a => a.Dimension.Index == d);
                Assert.True(adjustment is null || adjustment.Cause == AdjustmentCause.Contradiction, $"{c}: learned {dimension.Name} was adjusted: {adjustment?.Explain()}");
                if (adjustment is null)
                {
                    Assert.Equal(request[d], resolution.Effective[d]);
                    foreach (var rule in Oracle.ApplicableOn(c.Registry, d, jurisdiction, c.Context))
                    {
                        Assert.True(Lattice.Contains(rule.Bound, resolution.Effective[d]), $"{c}: learned {dimension.Name} = {dimension.Format(resolution.Effective[d])} leaves {rule.Source}");
                    }
                }

                var change = applied.Single(a => a.Dimension == d);
                var proposed = learned.Changes.Single(p => p.Dimension == d);
                if (change.To != proposed.To)
                {
                    heldByBounds++;
                }
            }
        }, iter: Cases, print: c => c.ToString());
        output.WriteLine($"{Cases} random policies, contexts and feedback histories: {learnedSomewhere} learned values used, {heldByBounds} of them held by a range or bound; none left a bound, a learning range, a NotLearnable rule or an explicit choice");
        Assert.True(learnedSomewhere > Cases / 20, $"only {learnedSomewhere} learned values were exercised");
        Assert.True(heldByBounds > 0);
    }
}
