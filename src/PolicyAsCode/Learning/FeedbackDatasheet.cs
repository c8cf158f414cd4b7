using System;
using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Learning;

/// <summary>
/// Whose feedback an export holds: how many people gave it, where, with which consented attributes, how concentrated it
/// is, and which dimensions it moved which way. Every bucket of fewer than <see cref="K"/> people is suppressed (the
/// rule and default of <see cref="PersonalisationAggregates.Snapshot"/>), and so are totals and concentration when the
/// whole export has fewer than <see cref="K"/> people.
/// </summary>
/// <param name="K">The fewest people a published count may describe.</param>
/// <param name="People">How many people, or null when suppressed.</param>
/// <param name="Records">How many records, or null when suppressed.</param>
/// <param name="TopOnePercentShare">The share of records given by the top 1% of contributors (at least one person), or null when suppressed.</param>
/// <param name="TopTenPercentShare">The share given by the top 10% (at least one person), or null when suppressed.</param>
/// <param name="Jurisdictions">Per jurisdiction, buckets of at least <paramref name="K"/> people.</param>
/// <param name="Facts">Per fact holding, buckets of at least <paramref name="K"/> people.</param>
/// <param name="Moves">Per dimension and direction, buckets of at least <paramref name="K"/> people.</param>
/// <param name="Suppressed">How many buckets were left out for having fewer than <paramref name="K"/> people.</param>
public sealed partial record FeedbackDatasheet(
    int K,
    int? People,
    int? Records,
    double? TopOnePercentShare,
    double? TopTenPercentShare,
    IReadOnlyList<DatasheetJurisdiction> Jurisdictions,
    IReadOnlyList<DatasheetFact> Facts,
    IReadOnlyList<DatasheetMove> Moves,
    int Suppressed)
{
    /// <summary>The datasheet of an export.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public static FeedbackDatasheet From(IReadOnlyList<ExportedFeedback> records, int k = PersonalisationAggregates.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var suppressed = 0;
        var people = records.Select(r => r.User).Distinct(StringComparer.Ordinal).Count();
        var whole = people >= k;
        if (!whole && records.Count > 0)
        {
            suppressed++;
        }

        var jurisdictions = Kept(
            records.GroupBy(r => r.Jurisdiction ?? PersonalisationAggregates.NoJurisdiction, StringComparer.Ordinal)
                .Select(g => new DatasheetJurisdiction(g.Key, Distinct(g), g.Count())),
            j => j.People, k, ref suppressed).OrderBy(j => j.Jurisdiction, StringComparer.Ordinal).ToList();
        var facts = Kept(
            records.SelectMany(r => r.Facts.Select(f => (Fact: f, Record: r))).GroupBy(x => x.Fact, StringComparer.Ordinal)
                .Select(g => new DatasheetFact(g.Key, Distinct(g.Select(x => x.Record)), g.Count())),
            f => f.People, k, ref suppressed).OrderBy(f => f.Fact, StringComparer.Ordinal).ToList();
        var moves = Kept(
            records.SelectMany(r => r.Nudges.Select(n => (n.Dimension, n.Direction, r.User))).GroupBy(x => (x.Dimension, x.Direction))
                .Select(g => new DatasheetMove(g.Key.Dimension, g.Key.Direction, g.Select(x => x.User).Distinct(StringComparer.Ordinal).Count(), g.Count())),
            m => m.People, k, ref suppressed).OrderBy(m => m.Dimension, StringComparer.Ordinal).ThenBy(m => m.Direction, StringComparer.Ordinal).ToList();

        return new FeedbackDatasheet(
            k,
            whole ? people : null,
            whole ? records.Count : null,
            whole ? TopShare(records, 0.01) : null,
            whole ? TopShare(records, 0.10) : null,
            jurisdictions,
            facts,
            moves,
            suppressed);
    }

    /// <summary>
    /// The share of records given by the top <paramref name="fraction"/> of contributors by record count: the top
    /// ceil(fraction × people) people, at least one. 0 for no records.
    /// </summary>
    public static double TopShare(IReadOnlyList<ExportedFeedback> records, double fraction)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var counts = records.GroupBy(r => r.User, StringComparer.Ordinal).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        var top = Math.Max(1, (int)Math.Ceiling(fraction * counts.Count));
        return (double)counts.Take(top).Sum() / records.Count;
    }

    private static int Distinct(IEnumerable<ExportedFeedback> records) => records.Select(r => r.User).Distinct(StringComparer.Ordinal).Count();

    // The monitoring rule: a count is published only when at least k were seen; here k people, since a person is what must not be singled out.
    private static List<T> Kept<T>(IEnumerable<T> buckets, Func<T, int> people, int k, ref int suppressed)
    {
        var kept = new List<T>();
        foreach (var bucket in buckets)
        {
            if (people(bucket) >= k)
            {
                kept.Add(bucket);
            }
            else
            {
                suppressed++;
            }
        }

        return kept;
    }
}
