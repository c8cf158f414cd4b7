using System.Linq;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Monitoring;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Monitoring;

/// <summary>The buckets the QuickStart policy fixes, and one resolution counted through the typed entry point.</summary>
public sealed class QuickStartBucketsTests
{
    private static readonly PersonalisationAggregates Aggregates = new(LearnerPreferences.Registry);

    private static ValueBuckets Of(string dimension) => Aggregates.Buckets[LearnerPreferences.Registry.FindDimension(dimension)!.Index];

    [Fact]
    public void Numbers_are_cut_at_the_ends_of_the_bounds_on_them()
    {
        // EU law's Between(0, 30) and Locked(0), the organisation's AtMost(14), the user tier's Between(0, 365).
        Assert.Equal(
            ["unreadable", "(-inf, 0)", "0", "(0, 14)", "14", "(14, 30)", "30", "(30, 365)", "365", "(365, +inf)"],
            Of("MemoryDays").Labels.ToArray());
        Assert.Equal(["unreadable", "(-inf, 0)", "0", "(0, 0.8)", "0.8", "(0.8, 1)", "1", "(1, +inf)"], Of("Creativity").Labels.ToArray());
    }

    [Fact]
    public void Members_flags_and_choices_are_their_own_buckets()
    {
        Assert.Equal(["unreadable", "General", "Teen", "Mature"], Of("Maturity").Labels.ToArray());
        Assert.Equal(["unreadable", "en", "fr", "de", "es", "nl"], Of("Language").Labels.ToArray());
        Assert.Equal("none", Of("Topics").Labels[1]);
    }

    [Fact]
    public void A_typed_resolution_counts_its_requested_and_effective_values_and_its_adjustments()
    {
        var aggregates = new PersonalisationAggregates(LearnerPreferences.Registry);
        var requested = Learners.AsksForEverything with { Language = "not a language" };
        var resolution = LearnerPreferences.Resolve(requested, Learners.EuMinor, default);
        aggregates.AddResolution(requested, default, in resolution);

        var snapshot = aggregates.Snapshot(1);
        string Bucket(string dimension, ValueSide side) => Assert.Single(snapshot.Values, v => v.Dimension == dimension && v.Side == side).Bucket;
        Assert.Equal("Mature", Bucket("Maturity", ValueSide.Requested));
        Assert.Equal("Teen", Bucket("Maturity", ValueSide.Effective));
        Assert.Equal("30", Bucket("MemoryDays", ValueSide.Requested));
        Assert.Equal("0", Bucket("MemoryDays", ValueSide.Effective));
        Assert.Equal("unreadable", Bucket("Language", ValueSide.Requested));
        Assert.Equal(["Romance", "Science"], snapshot.Values.Where(v => v.Dimension == "Topics" && v.Side == ValueSide.Requested).Select(v => v.Bucket).Order());
        Assert.All(snapshot.Values, v => Assert.Equal("EU", v.Jurisdiction));
        Assert.Equal(resolution.Adjustments.Count, snapshot.Adjustments.Sum(a => a.Count));
        var language = Assert.Single(snapshot.Adjustments, a => a.Dimension == "Language");
        Assert.Equal(resolution.Adjustments.Single(a => a.Dimension.Name == "Language").Cause, language.Cause);
        Assert.Equal(resolution.Adjustments.Single(a => a.Dimension.Name == "Language").Rule?.Source ?? "none", language.Bound);

        // Seen once: at the default threshold nothing of it is reported.
        var kept = aggregates.Snapshot();
        Assert.Empty(kept.Values);
        Assert.Empty(kept.Adjustments);
        Assert.Null(kept.Resolutions);
    }
}
