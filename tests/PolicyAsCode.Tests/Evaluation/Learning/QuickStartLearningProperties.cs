using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.Learning;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests.Learning;

/// <summary>
/// Issue 18, point 6, on the QuickStart: random feedback in every jurisdiction and context never moves an effective
/// value outside a bound, outside the organisation's LearnWithin, where EU law says NotLearnable, or over an explicit
/// choice; and the learner with the generated evaluator agrees with the learner with the interpreter.
/// </summary>
public sealed class QuickStartLearningProperties(ITestOutputHelper output)
{
    private const long Cases = 20_000;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly PolicyRegistry Registry = LearnerPreferences.Registry;

    private sealed record LearningCase(PolicyContext Context, DimensionValue[] Explicit, DimensionSet ExplicitDimensions, FeedbackHistory History)
    {
        public override string ToString() =>
            $"context {Context}, explicit [{string.Join(", ", Enumerable.Range(0, Registry.Dimensions.Length).Where(ExplicitDimensions.Contains).Select(d => Registry.Dimensions[d].Name))}], "
            + string.Join("; ", History.Events.Select(e => $"{e.At:MM-dd HH:mm} {string.Join(",", e.Nudges.Select(n => n.Dimension + (n.Direction == FeedbackDirection.Lower ? "-" : "+")))}"))
            + $", resets {string.Join(", ", History.Resets.Select(r => r.Dimension + "@" + r.At.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))}";
    }

    private static readonly string[] Nudged = ["Verbosity", "Tone", "Creativity", "Maturity", "MemoryDays", "Nothing"];

    // Each history leans one way, as a person's feedback does, so that learning happens and meets the ranges and bounds.
    private static readonly Gen<FeedbackHistory> History =
        from lean in Gen.Bool
        from events in (
            from nudges in Gen.Select(
                Gen.Frequency((3, Gen.OneOf("Verbosity", "Tone", "Creativity")), (1, Gen.OneOf(Nudged))),
                Gen.Frequency((4, Gen.Const(lean)), (1, Gen.Const(!lean))),
                (name, lower) => new DimensionNudge(name, lower ? FeedbackDirection.Lower : FeedbackDirection.Higher, lower ? "too much" : "too little")).Array[1, 2]
            from minutes in Gen.Frequency((3, Gen.Int[0, 60 * 24 * 7]), (1, Gen.Int[0, 60 * 24 * 45]))
            select new FeedbackEvent("e" + minutes, "ada", Now - TimeSpan.FromMinutes(minutes), nudges)).Array[0, 40]
        from resets in Gen.Select(Gen.OneOf(Nudged), Gen.Int[0, 60 * 24 * 45], (name, minutes) => new LearningReset(name, Now - TimeSpan.FromMinutes(minutes))).Array[0, 2]
        select new FeedbackHistory(events, resets);

    private static readonly Gen<LearningCase> Case =
        from context in CaseGenerators.Context(Registry)
        from chosen in Sequence(Registry.Dimensions.Select(d => CaseGenerators.Value(d, [.. Registry.Bounds.Where(b => b.Dimension == d.Index)]).Where(d.InDomain)).ToArray())
        from flags in Gen.Frequency((3, false), (1, true)).Array[Registry.Dimensions.Length]
        from history in History
        let explicitDimensions = Enumerable.Range(0, flags.Length).Where(i => flags[i]).Aggregate(DimensionSet.Empty, (s, i) => s.With(i))
        let defaults = LearnerPreferences.Encode(LearnerPreferences.Defaults(context))
        // Through the record and back, as a stored document read by the generated reader would be (-0 reads as 0).
        let explicitValues = LearnerPreferences.Encode(LearnerPreferences.Decode([.. Enumerable.Range(0, flags.Length).Select(i => flags[i] ? chosen[i] : defaults[i])]))
        select new LearningCase(context, explicitValues, explicitDimensions, history);

    private static Gen<DimensionValue[]> Sequence(Gen<DimensionValue>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<DimensionValue>()), (list, next) => Gen.Select(list, next, (values, value) => (DimensionValue[])[.. values, value]));

    [Fact]
    public void Learned_values_stay_within_bounds_ranges_and_choices_and_both_evaluators_agree()
    {
        var interpreter = new PolicyInterpreter(Registry);
        var learner = new StepLearner();
        long cases = 0, learned = 0, held = 0, ignored = 0;
        var tone = Registry.FindDimension("Tone")!.Index;
        var verbosity = Registry.FindDimension("Verbosity")!.Index;
        Case.Sample(c =>
        {
            var proposal = learner.Learn(Registry, c.Explicit, c.History, Now);

            // The generated evaluator's way: a record in, a record out.
            var request = LearnedLayers.Compose(Registry, LearnerPreferences.Decode(c.Explicit), c.ExplicitDimensions, proposal, c.Context);
            var generated = LearnerPreferences.Resolve(request.Requested, c.Context, default);

            // The interpreter's way: encoded values in place.
            var values = c.Explicit.ToArray();
            var (applied, skipped) = LearnedLayers.Layer(Registry, values, c.ExplicitDimensions, proposal, c.Context);
            var interpreted = interpreter.Resolve(values, c.Context);

            Assert.Equal(values, LearnerPreferences.Encode(request.Requested));
            Assert.Equal(interpreted.Effective, LearnerPreferences.Encode(generated.Effective));
            Assert.Equal(interpreted.Adjustments.Select(a => a.Explain()), generated.Adjustments.Select(a => a.Explain()));
            Assert.Equal(applied.Select(a => a.Explain(Registry)), request.Applied.Select(a => a.Explain(Registry)));
            Assert.Equal(skipped.Select(i => i.Why), request.Ignored.Select(i => i.Why));

            var jurisdiction = Registry.MatchJurisdiction(c.Context.Jurisdiction);
            foreach (var dimension in Registry.Dimensions)
            {
                var d = dimension.Index;
                var changed = applied.Any(a => a.Dimension == d);
                if (c.ExplicitDimensions.Contains(d) || !dimension.Learnable)
                {
                    Assert.False(changed, $"{c}: {dimension.Name} was learned over an explicit choice or though not learnable");
                    Assert.Equal(c.Explicit[d], values[d]);
                    continue;
                }

                if (!changed)
                {
                    continue;
                }

                learned++;
                // EU law binds in EU, in DE (within EU) and wherever no jurisdiction matched.
                Assert.False(d == tone && jurisdiction != Registry.MatchJurisdiction("US") && jurisdiction != Registry.MatchJurisdiction("US-CA"), $"{c}: Tone learned where EU law forbids it");
                Assert.False(d == verbosity && values[d].Position > 1, $"{c}: Verbosity learned past the organisation's LearnWithin(Concise, Balanced)");
                Assert.Equal(values[d], interpreted.Effective[d]);
                Assert.DoesNotContain(interpreted.Adjustments, a => a.Dimension.Index == d);
                foreach (var rule in Registry.Bounds.Where(b => b.Dimension == d && Binding.Applies(Registry.Shape, Registry.Shape.Bounds[b.Index], jurisdiction, c.Context)))
                {
                    Assert.True(Lattice.Contains(rule.Bound, interpreted.Effective[d]), $"{c}: learned {dimension.Name} {dimension.Format(interpreted.Effective[d])} leaves {rule.Source}");
                }

                if (applied.Single(a => a.Dimension == d).To != proposal.Changes.Single(p => p.Dimension == d).To)
                {
                    held++;
                }
            }

            ignored += skipped.Count;
            Interlocked.Increment(ref cases);
        }, iter: Cases, print: c => c.ToString());

        output.WriteLine($"QuickStart: {cases} random feedback histories in random jurisdictions and contexts: {learned} learned values used ({held} held at a range or bound), {ignored} ignored; generated and interpreted agree, and none left a bound, the LearnWithin range, EU law's NotLearnable or an explicit choice");
        Assert.True(learned > Cases / 10 && held > 0 && ignored > 0, $"too little exercised: {learned} learned, {held} held, {ignored} ignored");
    }

    [Fact]
    public void The_registry_data_carries_the_same_learning_rules_as_the_generated_registry()
    {
        var data = typeof(LearnerPreferences).GetCustomAttribute<PolicyAsCode.Compiled.PolicyRegistryDataAttribute>()!;
        var read = PolicyRegistryData.Read(data.Data, data.Format);

        Assert.Equal(PolicyRegistryData.Format, data.Format);
        Assert.Equal(Registry.Dimensions.Select(d => (d.Name, d.Learnable)), read.Dimensions.Select(d => (d.Name, d.Learnable)));
        Assert.Equal(["Tone", "Verbosity", "Creativity"], Registry.Dimensions.Where(d => d.Learnable).Select(d => d.Name));
        // Member bounds compare by the values they allow: the generated code writes no unused interval ends.
        Assert.Equal(Registry.LearningRules.Select(r => (r.Tier, r.Dimension, r.NotLearnable, r.Source, r.Reason)), read.LearningRules.Select(r => (r.Tier, r.Dimension, r.NotLearnable, r.Source, r.Reason)));
        Assert.All(Registry.LearningRules.Zip(read.LearningRules), p => Assert.True(Lattice.IsWithin(p.First.Range, p.Second.Range) && Lattice.IsWithin(p.Second.Range, p.First.Range)));
        Assert.Equal(
            ["law of EU NotLearnable() on Tone", "organisation contoso-learning LearnWithin(Verbosity.Concise, Verbosity.Balanced) on Verbosity"],
            read.LearningRules.Select(r => $"{read.Tiers[r.Tier]} {r.Source} on {read.Dimensions[r.Dimension].Name}"));
    }
}
