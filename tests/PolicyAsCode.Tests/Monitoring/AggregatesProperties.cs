using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using PolicyAsCode.Monitoring;
using PolicyAsCode.Tests.Interpretation;
using Xunit;

namespace PolicyAsCode.Tests.Monitoring;

/// <summary>
/// <see cref="PersonalisationAggregates"/> over random policies and populations: a snapshot reports exactly the buckets
/// seen at least k times, with the counts an independent oracle computes, and no label carries a value a user asked for.
/// </summary>
public sealed class AggregatesProperties
{
    // A population: distinct requests, each made by a random number of resolutions, so some buckets cross k and some do not.
    private static readonly Gen<(PolicyRegistry Registry, List<Person> People, int Threshold)> Population =
        from registry in RandomPolicies.Registry
        from people in Gen.Select(
            RandomPolicies.Context(registry),
            RandomPolicies.Requested(registry),
            RandomPolicies.Unreadable(registry),
            RandomPolicies.Detected(registry),
            Gen.Int[1, 14],
            (context, requested, unreadable, detected, times) => new Person(context, requested, unreadable, detected, times)).List[1, 25]
        from threshold in Gen.Int[1, 12]
        select (registry, people, threshold);

    [Fact]
    public void A_snapshot_reports_exactly_the_buckets_seen_at_least_k_times_with_their_counts() =>
        Population.Sample(p =>
        {
            var (aggregates, expected) = Feed(p.Registry, p.People);
            var snapshot = aggregates.Snapshot(p.Threshold);

            var reported = snapshot.Values.ToDictionary(v => (v.Dimension, v.Side, v.Jurisdiction, v.Bucket), v => v.Count);
            var kept = expected.Where(e => e.Value >= p.Threshold).ToDictionary(e => e.Key, e => e.Value);
            Assert.Equal(kept.OrderBy(e => e.Key.ToString()), reported.OrderBy(e => e.Key.ToString()));

            var total = p.People.Sum(x => x.Times);
            Assert.Equal(total >= p.Threshold ? total : null, snapshot.Resolutions);
            Assert.All(snapshot.ResolutionsByJurisdiction, j => Assert.True(j.Count >= p.Threshold));
            Assert.All(snapshot.Adjustments, a => Assert.True(a.Count >= p.Threshold, $"{a.Dimension} {a.Bound}: {a.Count} < {p.Threshold}"));
            Assert.All(snapshot.Refusals, r => Assert.True(r.Count >= p.Threshold, $"{r.Hazard}: {r.Count} < {p.Threshold}"));
            Assert.Equal(total >= p.Threshold ? total : null, snapshot.Decisions);
        });

    [Fact]
    public void Adjustments_and_refusals_below_k_are_left_out_and_those_at_or_above_are_reported_in_full() =>
        Population.Sample(p =>
        {
            var (aggregates, _) = Feed(p.Registry, p.People);
            var all = aggregates.Snapshot(1);
            var snapshot = aggregates.Snapshot(p.Threshold);
            Assert.Equal(all.Adjustments.Where(a => a.Count >= p.Threshold).ToList(), snapshot.Adjustments.ToList());
            Assert.Equal(all.Refusals.Where(r => r.Count >= p.Threshold).ToList(), snapshot.Refusals.ToList());

            // Threshold 1 reports everything: the adjustments counted are the resolutions' own.
            var adjustments = p.People.Sum(x => x.Times * Resolve(p.Registry, x).Adjustments.Count);
            Assert.Equal(adjustments, all.Adjustments.Sum(a => a.Count));
        });

    [Fact]
    public void No_label_carries_a_value_a_user_asked_for_only_names_and_cut_points_the_policy_fixes() =>
        Population.Sample(p =>
        {
            var (aggregates, _) = Feed(p.Registry, p.People);
            var snapshot = aggregates.Snapshot(1);
            var policyOnly = new PersonalisationAggregates(p.Registry);
            foreach (var value in snapshot.Values)
            {
                var dimension = p.Registry.FindDimension(value.Dimension)!;
                Assert.Contains(value.Bucket, policyOnly.Buckets[dimension.Index].Labels);
                Assert.True(value.Jurisdiction == PersonalisationAggregates.NoJurisdiction || p.Registry.Jurisdictions.Contains(value.Jurisdiction));
            }

            // A number asked for that is not a point the policy cuts at never appears in any label.
            foreach (var person in p.People)
            {
                foreach (var dimension in p.Registry.Dimensions.Where(d => d.Kind is DimensionKind.Integer or DimensionKind.Real))
                {
                    if (dimension.Index >= person.Requested.Length || !dimension.InDomain(person.Requested[dimension.Index]))
                    {
                        continue;
                    }

                    var asked = person.Requested[dimension.Index].Number;
                    if (aggregates.Buckets[dimension.Index].CutPoints.ToArray().Contains(asked == 0 ? 0.0 : asked))
                    {
                        continue;
                    }

                    var text = asked.ToString("R", CultureInfo.InvariantCulture);
                    Assert.DoesNotContain(snapshot.Values, v => v.Dimension == dimension.Name && Tokens(v.Bucket).Contains(text));
                }
            }
        });

    [Fact]
    public void A_threshold_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalisationAggregates(RandomPolicies.Registry.Single()).Snapshot(0));

    private static string[] Tokens(string label) => label.Split(['(', ')', ',', ' '], StringSplitOptions.RemoveEmptyEntries);

    private static Resolution<DimensionValue[]> Resolve(PolicyRegistry registry, Person person) =>
        new PolicyInterpreter(registry).Resolve(person.Requested, person.Context, person.Unreadable);

    private static (PersonalisationAggregates, Dictionary<(string, ValueSide, string, string), long>) Feed(PolicyRegistry registry, List<Person> people)
    {
        var aggregates = new PersonalisationAggregates(registry);
        var interpreter = new PolicyInterpreter(registry);
        var expected = new Dictionary<(string, ValueSide, string, string), long>();
        foreach (var person in people)
        {
            var resolution = interpreter.Resolve(person.Requested, person.Context, person.Unreadable);
            var decision = interpreter.Decide(in resolution, person.Detected);
            var where = resolution.Jurisdiction >= 0 ? registry.Jurisdictions[resolution.Jurisdiction] : "none";
            for (var i = 0; i < person.Times; i++)
            {
                aggregates.AddResolution(resolution.Jurisdiction, person.Requested, person.Unreadable, default, resolution.Effective, resolution.Adjustments);
                aggregates.AddDecision(in decision);
            }

            foreach (var dimension in registry.Dimensions)
            {
                var d = dimension.Index;
                if (person.Unreadable.Contains(d))
                {
                    Add(expected, (dimension.Name, ValueSide.Requested, where, ValueBuckets.Unreadable), person.Times);
                }
                else if (d < person.Requested.Length)
                {
                    foreach (var label in OracleLabels(registry, dimension, person.Requested[d]))
                    {
                        Add(expected, (dimension.Name, ValueSide.Requested, where, label), person.Times);
                    }
                }

                foreach (var label in OracleLabels(registry, dimension, resolution.Effective[d]))
                {
                    Add(expected, (dimension.Name, ValueSide.Effective, where, label), person.Times);
                }
            }
        }

        return (aggregates, expected);
    }

    private static void Add(Dictionary<(string, ValueSide, string, string), long> counts, (string, ValueSide, string, string) key, long times) =>
        counts[key] = counts.GetValueOrDefault(key) + times;

    // The labels a value belongs to, worked out from the policy's bounds directly rather than by ValueBuckets.
    private static IEnumerable<string> OracleLabels(PolicyRegistry registry, DimensionInfo dimension, DimensionValue value)
    {
        if (!dimension.InDomain(value))
        {
            return ["unreadable"];
        }

        switch (dimension.Kind)
        {
            case DimensionKind.Set:
                var flags = dimension.Members.Where((_, i) => dimension.MemberValues[i] != 0 && (value.Bits & (ulong)dimension.MemberValues[i]) == (ulong)dimension.MemberValues[i]).ToList();
                return value.Bits == 0 ? ["none"] : flags;
            case DimensionKind.Integer or DimensionKind.Real:
                var cuts = registry.Bounds.Where(b => b.Dimension == dimension.Index)
                    .SelectMany(b => new[] { b.Bound.Lo, b.Bound.Hi })
                    .Where(c => double.IsFinite(c) && c > dimension.Domain.Lo && c < dimension.Domain.Hi)
                    .Select(c => c == 0 ? 0.0 : c).Distinct().Order().ToList();
                var number = value.Number;
                string Text(double x) => x.ToString("R", CultureInfo.InvariantCulture);
                if (cuts.Contains(number))
                {
                    return [Text(cuts.First(c => c == number))];
                }

                var below = cuts.Where(c => c < number).Select(c => (double?)c).LastOrDefault();
                var above = cuts.Where(c => c > number).Select(c => (double?)c).FirstOrDefault();
                return [$"({(below is { } b ? Text(b) : "-inf")}, {(above is { } a ? Text(a) : "+inf")})"];
            default:
                return [dimension.Members[value.Position]];
        }
    }

    private sealed record Person(PolicyContext Context, DimensionValue[] Requested, DimensionSet Unreadable, Hazard Detected, int Times);
}
