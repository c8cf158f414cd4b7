using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Interpretation;

/// <summary>
/// An oracle for the properties: what "applicable" and "waived" mean in docs/semantics.md, computed from the registry
/// without the interpreter, and the effective bound those define.
/// </summary>
internal static class Oracle
{
    /// <summary>Whether a delegated claim by a tier of <paramref name="rank"/> lifts <paramref name="rule"/> in <paramref name="context"/>.</summary>
    public static bool WaivedBy(PolicyRegistry registry, BoundRule rule, TierRank rank, in PolicyContext context)
    {
        if (rule.WaivableBy != rank)
        {
            return false;
        }

        foreach (var claim in registry.Waivers)
        {
            if (claim.IsDelegated && claim.Dimension == rule.Dimension && claim.Waived == rule.Tier
                && registry.Tiers[claim.Claimant].Rank == rank && claim.Condition.Loosens(context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a bound applies: its tier applies in the matched jurisdiction, its condition restricts in the context
    /// (unknown facts restrict), and no delegated organisation waiver lifts it.
    /// </summary>
    public static bool Applicable(PolicyRegistry registry, BoundRule rule, int jurisdiction, in PolicyContext context) =>
        registry.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(context) && !WaivedBy(registry, rule, TierRank.Organisation, context);

    /// <summary>The applicable bounds on a dimension, in registry order.</summary>
    public static BoundRule[] ApplicableOn(PolicyRegistry registry, int dimension, int jurisdiction, in PolicyContext context)
    {
        var list = new List<BoundRule>();
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == dimension && Applicable(registry, rule, jurisdiction, context))
            {
                list.Add(rule);
            }
        }

        return [.. list];
    }

    /// <summary>
    /// The effective bound on a dimension: the applicable bounds intersected in registry order (higher tiers first);
    /// a bound that would leave nothing is skipped and the first such is the conflict.
    /// </summary>
    public static (Bound Effective, int Conflict) Effective(PolicyRegistry registry, int dimension, int jurisdiction, in PolicyContext context)
    {
        var bound = registry.Dimensions[dimension].Domain;
        var conflict = -1;
        foreach (var rule in ApplicableOn(registry, dimension, jurisdiction, context))
        {
            var next = Lattice.Intersect(bound, rule.Bound);
            if (Lattice.IsEmpty(next))
            {
                conflict = conflict < 0 ? rule.Index : conflict;
            }
            else
            {
                bound = next;
            }
        }

        return (bound, conflict);
    }

    /// <summary>
    /// The bound a user holding a waiver answers to: the applicable bounds minus those a delegated user claim lifts
    /// in the context, and whether any was lifted.
    /// </summary>
    public static (Bound Relaxed, bool AnyWaived) Relaxed(PolicyRegistry registry, int dimension, int jurisdiction, in PolicyContext context)
    {
        var bound = registry.Dimensions[dimension].Domain;
        var anyWaived = false;
        foreach (var rule in ApplicableOn(registry, dimension, jurisdiction, context))
        {
            if (WaivedBy(registry, rule, TierRank.User, context))
            {
                anyWaived = true;
                continue;
            }

            var next = Lattice.Intersect(bound, rule.Bound);
            if (!Lattice.IsEmpty(next))
            {
                bound = next;
            }
        }

        return (bound, anyWaived);
    }

    /// <summary>The value the interpreter read for a dimension, and whether it was readable.</summary>
    public static (DimensionValue Value, bool Readable) Requested(PolicyCase c, DimensionInfo dimension)
    {
        var d = dimension.Index;
        var value = d < c.Requested.Length ? c.Requested[d] : dimension.Default;
        return (value, d < c.Requested.Length && !c.Unreadable.Contains(d) && dimension.InDomain(value));
    }

    /// <summary>The adjustment for a dimension, asserting there is at most one.</summary>
    public static Adjustment? AdjustmentOf(in Resolution<DimensionValue[]> resolution, int dimension)
    {
        Adjustment? found = null;
        foreach (var adjustment in resolution.Adjustments)
        {
            if (adjustment.Dimension.Index == dimension)
            {
                Assert.True(found is null, $"two adjustments name dimension {dimension}");
                found = adjustment;
            }
        }

        return found;
    }

    /// <summary>Whether two resolutions are the same in every observable part.</summary>
    public static void AssertSame(in Resolution<DimensionValue[]> expected, in Resolution<DimensionValue[]> actual)
    {
        Assert.True(expected.Effective.AsSpan().SequenceEqual(actual.Effective), "effective values differ");
        Assert.True(expected.Adjustments.SequenceEqual(actual.Adjustments), "adjustments differ");
        Assert.Equal(expected.Forbidden, actual.Forbidden);
        Assert.Equal(expected.ActiveForbids, actual.ActiveForbids);
        Assert.Equal(expected.Jurisdiction, actual.Jurisdiction);
    }

    /// <summary>The same registry with other waiver claims.</summary>
    public static PolicyRegistry WithWaivers(PolicyRegistry r, IEnumerable<WaiverClaim> claims) =>
        new(r.Name, r.Tiers, r.Dimensions, r.Bounds, r.Forbids, [.. claims.Select((c, i) => c with { Index = i })], r.Defaults, r.CustomHazards);

    /// <summary>The same registry with other hazard rules.</summary>
    public static PolicyRegistry WithForbids(PolicyRegistry r, IEnumerable<ForbidRule> forbids) =>
        new(r.Name, r.Tiers, r.Dimensions, r.Bounds, [.. forbids], r.Waivers, r.Defaults, r.CustomHazards);
}

/// <summary>
/// Property tests of the reference interpreter against the five rules of docs/semantics.md (section 7), on random
/// well-formed registries (<see cref="RandomPolicies"/>). Iteration counts are explicit; together they run
/// well over 100,000 generated cases.
/// </summary>
public sealed class SemanticsProperties(ITestOutputHelper output)
{
    // Generated cases per property; GeneratedCaseCount is their sum (114,000), not counting the lattice properties.
    internal const int NarrowingCases = 20_000;
    internal const int FailClosedCases = 15_000;
    internal const int UnknownJurisdictionCases = 8_000;
    internal const int UnknownFactsCases = 8_000;
    internal const int UnresolvedAndUnknownHazardCases = 4_000;
    internal const int DeterminismBatches = 250;
    internal const int DeterminismBatchSize = 20;
    internal const int TotalityCases = 8_000;
    internal const int ExplainedCases = 15_000;
    internal const int WaiverCases = 10_000;
    internal const int DecisionCases = 12_000;
    internal const int UserListCases = 5_000;
    internal const int CoverageCases = 4_000;

    internal const int GeneratedCaseCount = NarrowingCases + FailClosedCases + UnknownJurisdictionCases + UnknownFactsCases
        + UnresolvedAndUnknownHazardCases + (DeterminismBatches * DeterminismBatchSize) + TotalityCases + ExplainedCases + WaiverCases
        + DecisionCases + UserListCases + CoverageCases;

    private static string Print(PolicyCase c) => RandomPolicies.Describe(c);

    private static Resolution<DimensionValue[]> Resolve(PolicyCase c) =>
        new PolicyInterpreter(c.Registry).Resolve(c.Requested, c.Context, c.Unreadable);

    // ------------------------------------------------------------------ 1. narrowing only

    /// <summary>
    /// Every effective value lies inside every applicable bound, except a bound a delegated user waiver lifts
    /// (with a Waived adjustment) or, after a contradiction, the bounds from the skipped one on.
    /// </summary>
    internal static void AssertNarrowing(PolicyCase c, in Resolution<DimensionValue[]> resolution)
    {
        var jurisdiction = c.Registry.MatchJurisdiction(c.Context.Jurisdiction);
        Assert.Equal(jurisdiction, resolution.Jurisdiction);
        var problem = new NarrowingInvariant(c.Registry).Violation(c.Context, jurisdiction, resolution.Effective, resolution.Adjustments);
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Narrowing_only_effective_values_lie_inside_every_applicable_bound() =>
        RandomPolicies.Case.Sample(c => AssertNarrowing(c, Resolve(c)), iter: NarrowingCases, print: Print);

    // ------------------------------------------------------------------ 2. fail closed

    [Fact]
    public void Fail_closed_unreadable_out_of_domain_and_contradictory_values_resolve_to_the_strictest_allowed_value() =>
        RandomPolicies.Case.Sample(c =>
        {
            var r = c.Registry;
            var resolution = Resolve(c);
            var jurisdiction = r.MatchJurisdiction(c.Context.Jurisdiction);
            foreach (var dimension in r.Dimensions)
            {
                var d = dimension.Index;
                var (value, readable) = Oracle.Requested(c, dimension);
                var (bound, conflict) = Oracle.Effective(r, d, jurisdiction, c.Context);
                var adjustment = Oracle.AdjustmentOf(resolution, d);
                var strictest = Lattice.Strictest(bound, dimension.HigherIsStricter);
                if (conflict >= 0)
                {
                    Assert.True(adjustment is { Cause: AdjustmentCause.Contradiction }, $"{dimension.Name}: the bounds contradict (bound {conflict}) but no Contradiction adjustment");
                    Assert.Equal(conflict, adjustment.Rule?.Index);
                    Assert.Equal(strictest, resolution.Effective[d]);
                }
                else if (!readable)
                {
                    Assert.True(adjustment is { Cause: AdjustmentCause.FailedClosed }, $"{dimension.Name}: unreadable value {value} without a FailedClosed adjustment");
                    Assert.Equal(strictest, resolution.Effective[d]);
                    Assert.Equal(strictest, adjustment.Granted);
                    Assert.Equal(value, adjustment.Requested);
                }
                else
                {
                    Assert.False(adjustment is { Cause: AdjustmentCause.FailedClosed or AdjustmentCause.Contradiction },
                        $"{dimension.Name}: readable value {value} with no contradiction got {adjustment?.Cause}");
                }
            }
        }, iter: FailClosedCases, print: Print);

    private static readonly Gen<PolicyCase> UnknownJurisdictionCase =
        from c in RandomPolicies.Case
        from jurisdiction in Gen.OneOf<string?>(null, "", "FR", "Atlantis", "E U")
        select c with { Context = c.Context with { Jurisdiction = jurisdiction } };

    [Fact]
    public void Fail_closed_an_unknown_jurisdiction_applies_every_law_and_gives_a_value_every_jurisdiction_allows() =>
        UnknownJurisdictionCase.Sample(c =>
        {
            var r = c.Registry;
            var resolution = Resolve(c);
            Assert.Equal(-1, resolution.Jurisdiction);
            AssertNarrowing(c, resolution);
            foreach (var dimension in r.Dimensions)
            {
                var d = dimension.Index;
                var adjustment = Oracle.AdjustmentOf(resolution, d);
                if (adjustment is { Cause: AdjustmentCause.Contradiction or AdjustmentCause.Waived })
                {
                    continue;
                }

                // Every immutable tier's applicable bound holds, so the value is one every jurisdiction allows.
                for (var k = 0; k < r.Jurisdictions.Length; k++)
                {
                    foreach (var rule in Oracle.ApplicableOn(r, d, k, c.Context))
                    {
                        if (adjustment is { Cause: AdjustmentCause.Clamped } && Oracle.WaivedBy(r, rule, TierRank.User, c.Context))
                        {
                            continue; // the user holds a waiver of this bound and asked beyond it
                        }

                        Assert.True(Lattice.Contains(rule.Bound, resolution.Effective[d]),
                            $"{dimension.Name}: unknown jurisdiction gave {resolution.Effective[d]}, outside {r.Jurisdictions[k]}'s applicable bound {rule.Index} ({rule.Source})");
                    }
                }
            }
        }, iter: UnknownJurisdictionCases, print: Print);

    private static readonly Gen<(PolicyCase Case, Fact Forget)> ForgottenFactsCase =
        from c in RandomPolicies.Case
        from forget in Gen.Frequency((1, (IGen<uint>)Gen.Const(uint.MaxValue)), (3, Gen.UInt))
        select (c, (Fact)forget);

    [Fact]
    public void Fail_closed_unknown_facts_apply_conditional_bounds_and_never_loosen() =>
        ForgottenFactsCase.Sample((c, forget) =>
        {
            var r = c.Registry;
            var known = c.Context;
            var unknown = known with { Known = known.Known & ~forget };
            var forgotten = c with { Context = unknown };
            var resolution = Resolve(forgotten);
            AssertNarrowing(forgotten, resolution);
            var jurisdiction = r.MatchJurisdiction(known.Jurisdiction);
            foreach (var dimension in r.Dimensions)
            {
                var d = dimension.Index;
                if (Oracle.AdjustmentOf(resolution, d) is { Cause: AdjustmentCause.Contradiction })
                {
                    continue;
                }

                // A bound that applies when the facts are known still applies when they are not (unknown facts
                // restrict, and waivers need established facts), so forgetting facts never widens the result.
                foreach (var rule in Oracle.ApplicableOn(r, d, jurisdiction, known))
                {
                    if (!Oracle.WaivedBy(r, rule, TierRank.User, known))
                    {
                        Assert.True(Lattice.Contains(rule.Bound, resolution.Effective[d]),
                            $"{dimension.Name}: with facts {forget} unknown the value {resolution.Effective[d]} escapes bound {rule.Index} ({rule.Source}, {rule.Condition}) that applies when they are known");
                    }
                }

                // And a conditional bound whose facts are all unknown applies.
                foreach (var rule in r.Bounds)
                {
                    if (rule.Dimension == d && r.TierApplies(rule.Tier, jurisdiction) && (unknown.Known & (rule.Condition.When | rule.Condition.Unless)) == Fact.None
                        && rule.WaivableBy is null)
                    {
                        Assert.True(Lattice.Contains(rule.Bound, resolution.Effective[d]),
                            $"{dimension.Name}: bound {rule.Index} ({rule.Source}, {rule.Condition}) did not apply though its facts are unknown");
                    }
                }
            }
        }, iter: UnknownFactsCases, print: t => Print(t.Item1) + "forget: " + t.Item2);

    [Fact]
    public void Fail_closed_decide_refuses_without_a_resolution_and_on_hazards_the_policy_cannot_name() =>
        RandomPolicies.Registry.SelectMany(r => Gen.Select(Gen.Const(r), RandomPolicies.Detected(r), Gen.Int[14, 63]))
            .Sample((r, detected, unknownBit) =>
            {
                var interpreter = new PolicyInterpreter(r);
                var unresolved = interpreter.Decide(default, detected);
                Assert.Equal(Verdict.Refuse, unresolved.Verdict);
                Assert.Equal(DecisionCause.Unresolved, unresolved.Cause);
                Assert.False(unresolved.IsAllowed);
                Assert.False(default(Decision).IsAllowed);

                var bit = (Hazard)(1UL << unknownBit);
                if ((bit & r.KnownHazards) != Hazard.None)
                {
                    bit = Hazard.Custom8;
                }

                var resolution = interpreter.Resolve(interpreter.Defaults(PolicyContext.In(null)), PolicyContext.In(null));
                var decision = interpreter.Decide(resolution, (detected & r.KnownHazards) | bit);
                Assert.Equal(Verdict.Refuse, decision.Verdict);
                Assert.Equal(DecisionCause.UnknownHazard, decision.Cause);
                Assert.Equal(bit, decision.Hazards);
                Assert.Contains("unknown hazard", decision.Explain(), StringComparison.Ordinal);
            }, iter: UnresolvedAndUnknownHazardCases);

    // ------------------------------------------------------------------ 3. deterministic and total

    [Fact]
    public void Deterministic_resolving_again_with_another_interpreter_and_on_several_threads_gives_equal_results() =>
        RandomPolicies.Case.Array[DeterminismBatchSize].Sample(cases =>
        {
            var interpreters = cases.Select(c => new PolicyInterpreter(c.Registry)).ToArray();
            var first = cases.Select((c, i) => interpreters[i].Resolve(c.Requested, c.Context, c.Unreadable)).ToArray();
            for (var i = 0; i < cases.Length; i++)
            {
                var again = new PolicyInterpreter(cases[i].Registry).Resolve(cases[i].Requested, cases[i].Context, cases[i].Unreadable);
                Oracle.AssertSame(first[i], again);
            }

            var hazards = new[] { Hazard.None, Hazard.Hate, Hazard.ChildSexualExploitation | Hazard.Elections, Taxonomy.Shipped, Hazard.Custom1, (Hazard)(1UL << 50) };
            var results = new Resolution<DimensionValue[]>[4, cases.Length];
            var decisions = new Decision[4, cases.Length, hazards.Length];
            Parallel.For(0, 4 * cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
            {
                var (t, i) = (n / cases.Length, n % cases.Length);
                results[t, i] = interpreters[i].Resolve(cases[i].Requested, cases[i].Context, cases[i].Unreadable);
                for (var h = 0; h < hazards.Length; h++)
                {
                    decisions[t, i, h] = interpreters[i].Decide(results[t, i], hazards[h]);
                }
            });

            for (var i = 0; i < cases.Length; i++)
            {
                var expected = hazards.Select(h => interpreters[i].Decide(first[i], h)).ToArray();
                for (var t = 0; t < 4; t++)
                {
                    Oracle.AssertSame(first[i], results[t, i]);
                    for (var h = 0; h < hazards.Length; h++)
                    {
                        Assert.Equal(expected[h].Verdict, decisions[t, i, h].Verdict);
                        Assert.Equal(expected[h].Cause, decisions[t, i, h].Cause);
                        Assert.Equal(expected[h].Hazards, decisions[t, i, h].Hazards);
                        Assert.Equal(expected[h].Rule, decisions[t, i, h].Rule);
                    }
                }
            }
        }, iter: DeterminismBatches, print: cases => string.Join("\n----", cases.Select(Print)));

    private static readonly Gen<DimensionValue> RawValue = Gen.Frequency(
        (1, (IGen<DimensionValue>)Gen.Double.Select(DimensionValue.OfNumber)),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue).Select(DimensionValue.OfNumber)),
        (1, Gen.ULong.Select(DimensionValue.OfMask)),
        (1, Gen.Int[-3, 70].Select(p => DimensionValue.OfMask((ulong)(long)p))));

    private static readonly Gen<(PolicyRegistry, DimensionValue[], PolicyContext, int[], Hazard)> AnyInput =
        from r in RandomPolicies.Registry
        from requested in RawValue.Array[0, 10]
        from jurisdiction in Gen.Frequency((3, RandomPolicies.Jurisdiction(r)), (1, Gen.String.Select(s => (string?)s)))
        from facts in Gen.UInt
        from known in Gen.UInt
        from unreadable in Gen.Int[0, 200].Array[0, 4]
        from detected in Gen.ULong
        select (r, requested, new PolicyContext(jurisdiction, (Fact)facts, (Fact)known), unreadable, (Hazard)detected);

    [Fact]
    public void Total_no_input_makes_the_interpreter_throw_and_every_result_is_of_the_dimensions_types() =>
        AnyInput.Sample(input =>
        {
            var (r, requested, context, unreadableIndexes, detected) = input;
            var unreadable = DimensionSet.Of(unreadableIndexes);
            var interpreter = new PolicyInterpreter(r);
            var defaults = interpreter.Defaults(context);
            Assert.Equal(r.Dimensions.Length, defaults.Length);
            var resolution = interpreter.Resolve(requested, context, unreadable);
            Assert.True(resolution.IsResolved);
            Assert.Equal(r.Dimensions.Length, resolution.Effective.Length);
            foreach (var dimension in r.Dimensions)
            {
                Assert.True(dimension.InDomain(resolution.Effective[dimension.Index]), $"{dimension.Name}: {resolution.Effective[dimension.Index]} is not of its type");
            }

            foreach (var adjustment in resolution.Adjustments)
            {
                Assert.False(string.IsNullOrWhiteSpace(adjustment.Explain()));
            }

            var decision = interpreter.Decide(resolution, detected);
            Assert.False(string.IsNullOrWhiteSpace(decision.Explain()));
            if ((detected & ~r.KnownHazards) != Hazard.None)
            {
                Assert.Equal(DecisionCause.UnknownHazard, decision.Cause);
            }
        }, iter: TotalityCases);

    // ------------------------------------------------------------------ 4. explained

    [Fact]
    public void Explained_every_moved_value_has_exactly_one_adjustment_naming_its_rule_tier_and_bound() =>
        RandomPolicies.Case.Sample(c =>
        {
            var r = c.Registry;
            var resolution = Resolve(c);
            var jurisdiction = r.MatchJurisdiction(c.Context.Jurisdiction);

            var previous = -1;
            foreach (var adjustment in resolution.Adjustments)
            {
                Assert.True(adjustment.Dimension.Index > previous, "adjustments are not in dimension order, or repeat a dimension");
                previous = adjustment.Dimension.Index;
                Assert.Equal(r.Dimensions[adjustment.Dimension.Index], adjustment.Dimension);
            }

            foreach (var dimension in r.Dimensions)
            {
                var d = dimension.Index;
                var (requested, readable) = Oracle.Requested(c, dimension);
                var effective = resolution.Effective[d];
                var adjustment = Oracle.AdjustmentOf(resolution, d);
                if (!readable || effective != requested)
                {
                    Assert.True(adjustment is not null, $"{dimension.Name}: asked {requested}, got {effective}, and no adjustment says why");
                }

                if (adjustment is null)
                {
                    continue;
                }

                Assert.Equal(requested, adjustment.Requested);
                Assert.Equal(effective, adjustment.Granted);
                var text = adjustment.Explain();
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.Contains(dimension.Name, text, StringComparison.Ordinal);

                var (bound, conflict) = Oracle.Effective(r, d, jurisdiction, c.Context);
                switch (adjustment.Cause)
                {
                    case AdjustmentCause.Clamped:
                    case AdjustmentCause.Waived:
                        Assert.True(readable, $"{dimension.Name}: {adjustment.Cause} of an unreadable value");
                        var rule = adjustment.Rule;
                        Assert.True(rule is not null, $"{dimension.Name}: {adjustment.Cause} names no rule");
                        Assert.Equal(d, rule.Dimension);
                        Assert.Same(r.Bounds[rule.Index], rule);
                        Assert.Equal(r.Tiers[rule.Tier], adjustment.Tier);
                        Assert.True(Oracle.Applicable(r, rule, jurisdiction, c.Context), $"{dimension.Name}: names bound {rule.Index} that does not apply");
                        Assert.False(Lattice.Contains(rule.Bound, requested), $"{dimension.Name}: names bound {rule.Index} ({rule.Source}) that allows the request {requested}");
                        Assert.Contains(rule.Source, text, StringComparison.Ordinal);
                        Assert.Contains(adjustment.Tier!.ToString(), text, StringComparison.Ordinal);
                        if (rule.Reason is { Length: > 0 })
                        {
                            Assert.Contains(rule.Reason, text, StringComparison.Ordinal);
                        }

                        foreach (var risk in rule.Mitigates)
                        {
                            Assert.Contains(Taxonomy.Describe(risk)!.Id, text, StringComparison.Ordinal);
                        }

                        foreach (var benefit in rule.Enables)
                        {
                            Assert.Contains(Taxonomy.Describe(benefit)!.Id, text, StringComparison.Ordinal);
                        }

                        Assert.True(conflict < 0);
                        var (relaxed, anyWaived) = Oracle.Relaxed(r, d, jurisdiction, c.Context);
                        if (adjustment.Cause == AdjustmentCause.Clamped)
                        {
                            // A user holding a waiver is clamped into the bounds they did not waive, and one of those is named.
                            Assert.NotEqual(requested, effective);
                            Assert.Equal(Lattice.Clamp(anyWaived ? relaxed : bound, requested, dimension.HigherIsStricter), effective);
                            Assert.False(Oracle.WaivedBy(r, rule, TierRank.User, c.Context), $"{dimension.Name}: Clamped names bound {rule.Index}, which the user waived");
                        }
                        else
                        {
                            Assert.Equal(requested, effective);
                            Assert.True(Oracle.WaivedBy(r, rule, TierRank.User, c.Context), $"{dimension.Name}: Waived names bound {rule.Index} that no delegated user claim lifts");
                        }

                        break;
                    case AdjustmentCause.FailedClosed:
                        Assert.False(readable, $"{dimension.Name}: FailedClosed on readable value {requested}");
                        var applicable = Oracle.ApplicableOn(r, d, jurisdiction, c.Context);
                        if (applicable.Length == 0)
                        {
                            Assert.Null(adjustment.Rule);
                            break;
                        }

                        // Names the first applicable bound whose own strictest value was granted, else the first applicable bound.
                        var source = applicable.FirstOrDefault(b => Lattice.Strictest(b.Bound, dimension.HigherIsStricter) == effective) ?? applicable[0];
                        Assert.Same(source, adjustment.Rule);
                        Assert.Equal(r.Tiers[source.Tier], adjustment.Tier);
                        break;
                    case AdjustmentCause.Contradiction:
                        var skipped = adjustment.Rule;
                        Assert.True(skipped is not null, $"{dimension.Name}: Contradiction names no rule");
                        Assert.Equal(d, skipped.Dimension);
                        Assert.Equal(r.Tiers[skipped.Tier], adjustment.Tier);
                        Assert.Contains(skipped.Source, text, StringComparison.Ordinal);

                        // The skipped bound leaves nothing of the bounds applied before it, which among themselves leave something.
                        var before = dimension.Domain;
                        foreach (var earlier in Oracle.ApplicableOn(r, d, jurisdiction, c.Context).Where(b => b.Index < skipped.Index))
                        {
                            before = Lattice.Intersect(before, earlier.Bound);
                        }

                        Assert.False(Lattice.IsEmpty(before));
                        Assert.True(Lattice.IsEmpty(Lattice.Intersect(before, skipped.Bound)), $"{dimension.Name}: bound {skipped.Index} is named as contradictory but is not");
                        break;
                    default:
                        Assert.Fail($"unknown cause {adjustment.Cause}");
                        break;
                }

                if (readable && effective == requested)
                {
                    Assert.True(adjustment.Cause is AdjustmentCause.Waived or AdjustmentCause.Contradiction,
                        $"{dimension.Name}: value granted as asked but adjusted with {adjustment.Cause}");
                }
            }
        }, iter: ExplainedCases, print: Print);

    // ------------------------------------------------------------------ 5. delegated waivers

    [Fact]
    public void Delegated_waivers_undelegated_or_wrong_rank_claims_have_no_effect() =>
        RandomPolicies.Case.Sample(c =>
        {
            var r = c.Registry;
            var resolution = Resolve(c);

            // Claims that are undelegated, or by a rank no bound of the waived tier on that dimension names, are inert.
            var effective = r.Waivers.Where(w => w.IsDelegated && r.Bounds.Any(b =>
                b.Dimension == w.Dimension && b.Tier == w.Waived && b.WaivableBy == r.Tiers[w.Claimant].Rank));
            var stripped = c with { Registry = Oracle.WithWaivers(r, effective) };
            Oracle.AssertSame(resolution, Resolve(stripped));

            // With every claim undelegated nothing is waived: every applicable bound holds, unless the bounds contradict.
            var undelegated = c with { Registry = Oracle.WithWaivers(r, r.Waivers.Select(w => w with { IsDelegated = false })) };
            var strict = Resolve(undelegated);
            var jurisdiction = r.MatchJurisdiction(c.Context.Jurisdiction);
            foreach (var dimension in r.Dimensions)
            {
                var adjustment = Oracle.AdjustmentOf(strict, dimension.Index);
                Assert.False(adjustment is { Cause: AdjustmentCause.Waived }, $"{dimension.Name}: waived by an undelegated claim");
                if (adjustment is { Cause: AdjustmentCause.Contradiction })
                {
                    continue;
                }

                foreach (var rule in r.Bounds)
                {
                    if (rule.Dimension == dimension.Index && r.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(c.Context))
                    {
                        Assert.True(Lattice.Contains(rule.Bound, strict.Effective[dimension.Index]),
                            $"{dimension.Name}: {strict.Effective[dimension.Index]} escapes bound {rule.Index} ({rule.Source}) with no delegated claim");
                    }
                }
            }

            // Swapping every claimant's rank (user for organisation and back) can lift only bounds delegated to the new rank.
            var userTier = r.Tiers.Length - 1;
            var firstOrg = r.Tiers.FirstOrDefault(t => t.Rank == TierRank.Organisation)?.Index;
            var swapped = r.Waivers.Select(w => r.Tiers[w.Claimant].Rank == TierRank.User
                ? (firstOrg is int org && org > w.Waived ? w with { Claimant = org } : w with { IsDelegated = false })
                : w with { Claimant = userTier });
            var swappedCase = c with { Registry = Oracle.WithWaivers(r, swapped) };
            AssertNarrowing(swappedCase, Resolve(swappedCase));
        }, iter: WaiverCases, print: Print);

    // ------------------------------------------------------------------ decisions

    private static readonly Gen<(PolicyCase Case, Hazard[] Detected)> DecisionCase =
        from c in RandomPolicies.Case
        from detected in RandomPolicies.Detected(c.Registry).Array[4]
        select (c, detected);

    private static Decision Expected(PolicyRegistry r, in Resolution<DimensionValue[]> resolution, PolicyContext context, Hazard detected)
    {
        var unknown = detected & ~r.KnownHazards;
        if (unknown != Hazard.None)
        {
            return Decision.RefuseUnknown(unknown);
        }

        var jurisdiction = r.MatchJurisdiction(context.Jurisdiction);
        foreach (var rule in r.Forbids)
        {
            if (rule.Dimension is null && r.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(context) && (detected & rule.Hazards) != Hazard.None)
            {
                return Decision.Refuse(rule, r.Tiers[rule.Tier], detected & rule.Hazards);
            }
        }

        foreach (var rule in r.Forbids)
        {
            if (rule.Dimension is int own)
            {
                var listed = detected & (Hazard)resolution.Effective[own].Bits & rule.Hazards;
                if (listed != Hazard.None)
                {
                    return Decision.Refuse(rule, r.Tiers[rule.Tier], listed);
                }
            }
        }

        return Decision.Allow;
    }

    [Fact]
    public void Decisions_refuse_by_the_first_applicable_rule_in_registry_order_and_allow_what_nothing_forbids() =>
        DecisionCase.Sample((c, detectedList) =>
        {
            var r = c.Registry;
            var interpreter = new PolicyInterpreter(r);
            var resolution = interpreter.Resolve(c.Requested, c.Context, c.Unreadable);
            var jurisdiction = r.MatchJurisdiction(c.Context.Jurisdiction);

            var forbidden = Hazard.None;
            var active = 0UL;
            foreach (var rule in r.Forbids)
            {
                var hazards = rule.Dimension is int own
                    ? (Hazard)resolution.Effective[own].Bits & rule.Hazards
                    : r.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(c.Context) ? rule.Hazards : Hazard.None;
                if (hazards != Hazard.None)
                {
                    forbidden |= hazards;
                    active |= 1UL << rule.Index;
                }
            }

            Assert.Equal(forbidden, resolution.Forbidden);
            Assert.Equal(active, resolution.ActiveForbids);

            foreach (var detected in detectedList)
            {
                var decision = interpreter.Decide(resolution, detected);
                var expected = Expected(r, resolution, c.Context, detected);
                Assert.Equal(expected.Verdict, decision.Verdict);
                Assert.Equal(expected.Cause, decision.Cause);
                Assert.Equal(expected.Hazards, decision.Hazards);
                Assert.Same(expected.Rule, decision.Rule);
                Assert.Equal(expected.Tier, decision.Tier);
                Assert.False(string.IsNullOrWhiteSpace(decision.Explain()));
                if (decision.IsAllowed)
                {
                    Assert.Equal(Hazard.None, detected & resolution.Forbidden);
                }
                else
                {
                    Assert.True(decision.Cause is DecisionCause.Forbidden or DecisionCause.UnknownHazard, $"refused with cause {decision.Cause}");
                    if (decision.Cause == DecisionCause.Forbidden)
                    {
                        Assert.NotNull(decision.Rule);
                        Assert.Equal(r.Tiers[decision.Rule.Tier], decision.Tier);
                        Assert.NotEqual(Hazard.None, decision.Hazards & detected);
                    }
                }

                if ((detected & resolution.Forbidden) == Hazard.None && (detected & ~r.KnownHazards) == Hazard.None)
                {
                    Assert.True(decision.IsAllowed, $"content showing {detected} refused though nothing forbids it");
                }
            }
        }, iter: DecisionCases, print: t => Print(t.Item1) + "detected: " + string.Join(", ", t.Item2));

    [Fact]
    public void Decisions_a_users_own_hazard_list_only_adds_refusals() =>
        DecisionCase.Sample((c, detectedList) =>
        {
            var r = c.Registry;
            var withList = new PolicyInterpreter(r);
            var withoutList = new PolicyInterpreter(Oracle.WithForbids(r, r.Forbids.Where(f => f.Dimension is null)));
            var a = withList.Resolve(c.Requested, c.Context, c.Unreadable);
            var b = withoutList.Resolve(c.Requested, c.Context, c.Unreadable);
            Assert.True(a.Effective.AsSpan().SequenceEqual(b.Effective));
            Assert.Equal(b.Forbidden, b.Forbidden & a.Forbidden);
            foreach (var detected in detectedList)
            {
                var with = withList.Decide(a, detected);
                var without = withoutList.Decide(b, detected);
                if (with.IsAllowed)
                {
                    Assert.True(without.IsAllowed, $"{detected}: allowed with the user's list but refused without it");
                }

                if (!without.IsAllowed)
                {
                    Assert.False(with.IsAllowed);
                    Assert.Equal(without.Cause, with.Cause);
                    Assert.Equal(without.Rule?.Index, with.Rule?.Index);
                }
                else if (!with.IsAllowed)
                {
                    Assert.Equal(DecisionCause.Forbidden, with.Cause);
                    Assert.NotNull(with.Rule?.Dimension);
                }
            }
        }, iter: UserListCases, print: t => Print(t.Item1) + "detected: " + string.Join(", ", t.Item2));

    // ------------------------------------------------------------------ the generator reaches every case

    [Fact]
    public void Generated_cases_reach_every_adjustment_cause_and_decision_cause()
    {
        var causes = new int[4];
        var decisions = new int[5];
        var unknownJurisdiction = 0;
        var undelegatedClaims = 0;
        var hazardLists = 0;
        DecisionCase.Sample((c, detected) =>
        {
            var interpreter = new PolicyInterpreter(c.Registry);
            var resolution = interpreter.Resolve(c.Requested, c.Context, c.Unreadable);
            foreach (var adjustment in resolution.Adjustments)
            {
                Interlocked.Increment(ref causes[(int)adjustment.Cause]);
            }

            foreach (var hazards in detected)
            {
                Interlocked.Increment(ref decisions[(int)interpreter.Decide(resolution, hazards).Cause]);
            }

            if (resolution.Jurisdiction < 0)
            {
                Interlocked.Increment(ref unknownJurisdiction);
            }

            if (c.Registry.Waivers.Any(w => !w.IsDelegated))
            {
                Interlocked.Increment(ref undelegatedClaims);
            }

            if (c.Registry.Forbids.Any(f => f.Dimension is not null))
            {
                Interlocked.Increment(ref hazardLists);
            }
        }, iter: CoverageCases);

        output.WriteLine($"{GeneratedCaseCount} generated interpreter cases per run of this class");
        output.WriteLine($"in {CoverageCases} cases: adjustments {string.Join(", ", Enum.GetValues<AdjustmentCause>().Select(c => $"{c} {causes[(int)c]}"))}; "
            + $"decisions {string.Join(", ", Enum.GetValues<DecisionCause>().Select(c => $"{c} {decisions[(int)c]}"))}; "
            + $"unknown jurisdiction {unknownJurisdiction}; registries with undelegated claims {undelegatedClaims}; with a user hazard list {hazardLists}");
        foreach (var cause in Enum.GetValues<AdjustmentCause>())
        {
            Assert.True(causes[(int)cause] > 20, $"only {causes[(int)cause]} {cause} adjustments in {CoverageCases} cases");
        }

        Assert.True(decisions[(int)DecisionCause.Allowed] > 100);
        Assert.True(decisions[(int)DecisionCause.Forbidden] > 100);
        Assert.True(decisions[(int)DecisionCause.UnknownHazard] > 20);
        Assert.True(unknownJurisdiction > 100);
        Assert.True(undelegatedClaims > 20);
        Assert.True(hazardLists > 100);
    }
}
