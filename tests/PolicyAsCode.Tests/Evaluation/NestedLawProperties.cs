using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Laws within laws (issue 14), checked against a plain model rather than against the kernel: on the policies of
/// <see cref="NestedPolicies"/>, the effective value of every dimension lies within every bound of every law that
/// applies (the request's jurisdiction's and those of every jurisdiction it sits within; every law's where the
/// jurisdiction is unknown), of the organisations and of the user, except where resolution says why not as
/// docs/semantics.md section 4 says: a bound that contradicts the ones before it in canonical order is skipped
/// (<see cref="AdjustmentCause.Contradiction"/>), and a user holding a delegated waiver answers only to the bounds
/// they did not waive (<see cref="AdjustmentCause.Waived"/>, or <see cref="AdjustmentCause.Clamped"/> into those).
/// Which laws apply where comes from <see cref="LawChainModel"/>, read off the tiers' <c>Within</c>. A request in a
/// jurisdiction is never bound by a law of a jurisdiction within it (EU by DE) or beside it (EU by US): it resolves
/// and decides exactly as it would were those laws not in the policy.
/// PAC_NESTED_PROPERTY_CASES sets the cases per policy (default 5,000).
/// </summary>
[Collection(NestedLawsCollection.Name)]
public sealed class NestedLawProperties(NestedPolicies nested, ITestOutputHelper output)
{
    [Fact]
    public void Effective_values_lie_within_every_bound_of_every_law_that_applies_except_where_resolution_says_why()
    {
        output.WriteLine($"PAC_EVAL_SEED={nested.Master}");
        var casesPerPolicy = CompiledBatch.Setting("PAC_NESTED_PROPERTY_CASES", 5_000);
        var check = typeof(NestedLawProperties).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;
        var counts = new Counts();
        var policies = 0;
        foreach (var (batch, policy) in nested.Policies)
        {
            policies++;
            batch.Run<bool>(check, policy, policy.Seed, casesPerPolicy, counts);
        }

        output.WriteLine($"{policies} policies with laws within laws: {counts}");
        Assert.Equal((long)policies * casesPerPolicy, counts.Cases);
        Assert.True(counts.InsideEveryBound > 0, counts.ToString());
        Assert.True(counts.LowerLawSkipped > 0, $"no bound of a law within a law was skipped for contradicting the bounds before it: {counts}");
        Assert.True(counts.LowerLawKept > counts.LowerLawSkipped, $"laws within laws must mostly narrow the laws they sit within: {counts}");
        Assert.True(counts.Waived > 0, $"no value was granted under a waiver: {counts}");
        Assert.True(counts.LeftOutLaws > 0, $"no request was compared with the policy without the laws that do not apply to it: {counts}");
        Assert.True(counts.Unknown > 0, $"no request in an unknown jurisdiction: {counts}");
    }

    private static bool Check<T>(int seed, int cases, Counts counts)
        where T : class, IUserTierPolicy<T>
    {
        var registry = T.Registry;
        var model = new LawChainModel(registry);
        AssertCanonicalOrder(registry, model);

        var interpreter = new PolicyInterpreter(registry);
        var without = new Dictionary<string, PolicyInterpreter?>(StringComparer.OrdinalIgnoreCase);
        var gen = CaseGenerators.Cases(registry);
        var random = new PCG(2, unchecked((ulong)seed));
        for (var i = 0; i < cases; i++)
        {
            var c = gen.Generate(random, null!, out _);
            var requested = c.Requested is null ? null : T.Decode(c.Requested);
            var encoded = requested is null ? [] : T.Encode(requested);
            var generated = T.Resolve(requested!, c.Context, c.UnreadableSet);
            var reference = interpreter.Resolve(encoded, c.Context, c.UnreadableSet);
            Expect(registry, model, c, encoded, T.Encode(generated.Effective), generated.Adjustments, generated.Forbidden, counts, "generated");
            Expect(registry, model, c, encoded, reference.Effective, reference.Adjustments, reference.Forbidden, counts, "interpreter");

            var jurisdiction = c.Context.Jurisdiction;
            foreach (var detected in c.Detected)
            {
                var decision = T.Decide(generated, detected);
                Require(
                    decision.Tier is null || model.Applies(decision.Tier.Index, jurisdiction),
                    () => $"{c}: refused by {decision.Tier}, whose law does not apply in {jurisdiction}");
            }

            if (model.IsKnown(jurisdiction))
            {
                if (!without.TryGetValue(jurisdiction!, out var alone))
                {
                    without[jurisdiction!] = alone = WithoutLawsNotApplying(registry, model, jurisdiction!);
                }

                if (alone is not null)
                {
                    AssertSameAsWithout(interpreter, alone, c, encoded, reference);
                    Interlocked.Increment(ref counts.LeftOutLaws);
                }
            }
            else
            {
                Interlocked.Increment(ref counts.Unknown);
            }

            Interlocked.Increment(ref counts.Cases);
        }

        return true;
    }

    // Canonical order puts the tiers above a tier before it: a law before every law within it, so that where they
    // contradict, the law within is the one skipped.
    private static void AssertCanonicalOrder(PolicyRegistry registry, LawChainModel model)
    {
        for (var higher = 0; higher < registry.Tiers.Length; higher++)
        {
            for (var lower = 0; lower < registry.Tiers.Length; lower++)
            {
                Require(!model.IsAbove(higher, lower) || higher < lower, () => $"{registry.Tiers[higher]} binds {registry.Tiers[lower]} but comes after it");
            }
        }

        for (var b = 1; b < registry.Bounds.Length; b++)
        {
            Require(registry.Bounds[b - 1].Tier <= registry.Bounds[b].Tier, () => $"bound {b} of tier {registry.Bounds[b].Tier} comes after one of tier {registry.Bounds[b - 1].Tier}");
        }
    }

    // What docs/semantics.md section 4 says resolution does, dimension by dimension, with the laws that apply taken
    // from the plain model; then the property itself: the effective value lies within every bound that applies but
    // the ones resolution names as skipped or waived.
    private static void Expect(
        PolicyRegistry registry, LawChainModel model, EvaluationCase c, DimensionValue[] encoded,
        DimensionValue[] effective, IReadOnlyList<Adjustment> adjustments, Hazard forbidden, Counts counts, string who)
    {
        var context = c.Context;
        foreach (var dimension in registry.Dimensions)
        {
            var d = dimension.Index;
            var value = d < encoded.Length ? encoded[d] : dimension.Default;
            var readable = c.Requested is not null && d < encoded.Length && !c.UnreadableSet.Contains(d) && dimension.InDomain(value);
            var applicable = registry.Bounds
                .Where(b => b.Dimension == d && model.Applies(b.Tier, context.Jurisdiction) && b.Condition.Restricts(context) && !Waived(registry, b, TierRank.Organisation, context))
                .ToList();
            var waived = applicable.Where(b => Waived(registry, b, TierRank.User, context)).ToList();
            var strict = Meet(dimension.Domain, applicable, out var skipped);
            var relaxed = Meet(dimension.Domain, applicable.Except(waived), out _);
            var higherIsStricter = dimension.HigherIsStricter;

            AdjustmentCause? cause;
            DimensionValue granted;
            BoundRule? cited;
            if (skipped.Count > 0)
            {
                (cause, granted, cited) = (AdjustmentCause.Contradiction, Lattice.Strictest(strict, higherIsStricter), skipped[0]);
            }
            else if (!readable)
            {
                granted = Lattice.Strictest(strict, higherIsStricter);
                (cause, cited) = (AdjustmentCause.FailedClosed, applicable.FirstOrDefault(b => Lattice.Strictest(b.Bound, higherIsStricter) == granted) ?? applicable.FirstOrDefault());
            }
            else if (Lattice.Contains(strict, value))
            {
                (cause, granted, cited) = (null, value, null);
            }
            else if (waived.Count > 0 && Lattice.Contains(relaxed, value))
            {
                (cause, granted, cited) = (AdjustmentCause.Waived, value, waived.First(b => !Lattice.Contains(b.Bound, value)));
            }
            else
            {
                (cause, granted, cited) = (AdjustmentCause.Clamped, Lattice.Clamp(waived.Count > 0 ? relaxed : strict, value, higherIsStricter),
                    applicable.Except(waived).First(b => !Lattice.Contains(b.Bound, value)));
            }

            var adjustment = adjustments.SingleOrDefault(a => a.Dimension.Index == d);
            string Where() => $"{who}, {dimension.Name} in {c}";
            Require(cause == adjustment?.Cause, () => $"{Where()}: expected {cause?.ToString() ?? "no adjustment"}, resolution gave {adjustment?.Cause.ToString() ?? "none"}");
            Require(granted == effective[d], () => $"{Where()}: expected {EvaluationCase.Describe(granted)}, resolution granted {EvaluationCase.Describe(effective[d])}");
            if (adjustment is not null)
            {
                Require(cited?.Index == adjustment.Rule?.Index, () => $"{Where()}: expected bound {cited?.Index} cited, resolution cited {adjustment.Rule?.Index}");
                Require(adjustment.Tier is null || model.Applies(adjustment.Tier.Index, context.Jurisdiction), () => $"{Where()}: cites {adjustment.Tier}, whose law does not apply");
            }

            // The property: inside every bound that applies, but those skipped and, for a user holding a waiver who
            // asked beyond the waived bounds, those waived.
            var answersToWaived = readable && skipped.Count == 0 && waived.Count > 0 && !Lattice.Contains(strict, value);
            foreach (var bound in applicable)
            {
                if (skipped.Contains(bound) || (answersToWaived && waived.Contains(bound)))
                {
                    continue;
                }

                Require(Lattice.Contains(bound.Bound, effective[d]), () => $"{Where()}: {EvaluationCase.Describe(effective[d])} lies outside {registry.Tiers[bound.Tier]}'s {bound.Source}");
                Interlocked.Increment(ref counts.InsideEveryBound);
            }

            // How the bounds of laws within laws fared against the bounds of the laws they sit within, in a known
            // jurisdiction (in an unknown one, laws beside each other apply too).
            foreach (var bound in applicable.Where(b => model.IsKnown(context.Jurisdiction) && applicable.Any(o => o.Index < b.Index && model.IsAbove(o.Tier, b.Tier) && registry.Tiers[o.Tier].Rank == TierRank.Immutable)))
            {
                Interlocked.Increment(ref skipped.Contains(bound) ? ref counts.LowerLawSkipped : ref counts.LowerLawKept);
            }

            if (cause == AdjustmentCause.Waived)
            {
                Interlocked.Increment(ref counts.Waived);
            }
        }

        // Hazard rules: a tier's applies where its tier does and its condition restricts; the user's own lists what the effective value lists.
        var expected = Hazard.None;
        foreach (var rule in registry.Forbids)
        {
            expected |= rule.Dimension is int own
                ? (Hazard)effective[own].Bits & rule.Hazards
                : model.Applies(rule.Tier, context.Jurisdiction) && rule.Condition.Restricts(context) ? rule.Hazards : Hazard.None;
        }

        Require(expected == forbidden, () => $"{who} in {c}: expected {expected} forbidden, resolution forbids {forbidden}");
    }

    // An assertion whose message is written only when it fails: the checks run millions of times.
    private static void Require(bool condition, Func<string> message)
    {
        if (!condition)
        {
            Assert.Fail(message());
        }
    }

    // The meet of the bounds in canonical order, skipping each that would leave nothing.
    private static Bound Meet(Bound domain, IEnumerable<BoundRule> bounds, out List<BoundRule> skipped)
    {
        skipped = [];
        var meet = domain;
        foreach (var bound in bounds)
        {
            var next = Lattice.Intersect(meet, bound.Bound);
            if (Lattice.IsEmpty(next))
            {
                skipped.Add(bound);
            }
            else
            {
                meet = next;
            }
        }

        return meet;
    }

    // A delegated waiver held by a tier of rank claimant: the bound is waivable by that rank, and a tier of that rank
    // claims its tier's waiver on its dimension, delegated, with every fact of the claim established.
    private static bool Waived(PolicyRegistry registry, BoundRule bound, TierRank claimant, in PolicyContext context)
    {
        if (bound.WaivableBy != claimant)
        {
            return false;
        }

        foreach (var claim in registry.Waivers)
        {
            if (claim.IsDelegated && claim.Waived == bound.Tier && claim.Dimension == bound.Dimension && registry.Tiers[claim.Claimant].Rank == claimant
                && claim.Condition.Loosens(context))
            {
                return true;
            }
        }

        return false;
    }

    // The policy without the bounds, hazard rules and defaults of the laws that do not apply in a jurisdiction; null
    // when every law applies there.
    private static PolicyInterpreter? WithoutLawsNotApplying(PolicyRegistry registry, LawChainModel model, string jurisdiction)
    {
        bool Kept(int tier) => model.Applies(tier, jurisdiction);
        if (registry.Tiers.All(t => Kept(t.Index)))
        {
            return null;
        }

        var bounds = registry.Bounds.Where(b => Kept(b.Tier)).Select((b, i) => b with { Index = i }).ToImmutableArray();
        var forbids = registry.Forbids.Where(f => Kept(f.Tier)).Select((f, i) => f with { Index = i }).ToImmutableArray();
        var defaults = registry.Defaults.Where(d => Kept(d.Tier)).ToImmutableArray();
        return new PolicyInterpreter(new PolicyRegistry(registry.Name, registry.Tiers, registry.Dimensions, bounds, forbids, registry.Waivers, defaults, registry.CustomHazards, registry.NeverTogether));
    }

    private static void AssertSameAsWithout(PolicyInterpreter interpreter, PolicyInterpreter alone, EvaluationCase c, DimensionValue[] encoded, Resolution<DimensionValue[]> resolution)
    {
        var expected = alone.Resolve(encoded, c.Context, c.UnreadableSet);
        string Where() => $"in {c}, compared with the policy without the laws that do not apply there";
        Require(expected.Effective.AsSpan().SequenceEqual(resolution.Effective), () => $"{Where()}: the effective values differ");
        Require(expected.Forbidden == resolution.Forbidden, () => $"{Where()}: forbidden {resolution.Forbidden}, without them {expected.Forbidden}");
        Require(
            expected.Adjustments.Select(a => (a.Dimension.Index, a.Cause, a.Granted, a.Rule?.Source, a.Tier?.Index))
                .SequenceEqual(resolution.Adjustments.Select(a => (a.Dimension.Index, a.Cause, a.Granted, a.Rule?.Source, a.Tier?.Index))),
            () => $"{Where()}: the adjustments differ: {string.Join("; ", resolution.Adjustments.Select(a => a.Explain()))} against {string.Join("; ", expected.Adjustments.Select(a => a.Explain()))}");
        Require(interpreter.Defaults(c.Context).AsSpan().SequenceEqual(alone.Defaults(c.Context)), () => $"{Where()}: the defaults differ");
        foreach (var detected in c.Detected)
        {
            var decision = interpreter.Decide(resolution, detected);
            var without = alone.Decide(expected, detected);
            Require(
                decision.Verdict == without.Verdict && decision.Cause == without.Cause && decision.Hazards == without.Hazards && decision.Tier?.Index == without.Tier?.Index,
                () => $"{Where()}: on 0x{(ulong)detected:X} decided {decision}, without them {without}");
        }
    }

    /// <summary>What the property checked, so a run shows it exercised each exception.</summary>
    private sealed class Counts
    {
        public long Cases;
        public long InsideEveryBound;
        public long LowerLawKept;
        public long LowerLawSkipped;
        public long Waived;
        public long LeftOutLaws;
        public long Unknown;

        public override string ToString() =>
            $"{Cases} cases: {InsideEveryBound} effective values found within an applicable bound (generated and interpreted); "
            + $"bounds of a law within a law applying with those of a law it sits within: {LowerLawKept} narrowed, {LowerLawSkipped} skipped as contradicting; {Waived} values granted under a waiver; "
            + $"{LeftOutLaws} requests resolved and decided as without the laws that do not apply to them, {Unknown} in no known jurisdiction";
    }
}
