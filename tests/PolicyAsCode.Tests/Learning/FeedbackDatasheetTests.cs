using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolicyAsCode.Learning;
using Xunit;

namespace PolicyAsCode.Tests.Learning;

/// <summary>Issue 18, point 5: the datasheet's counts and concentration, and the suppression of every small bucket.</summary>
public sealed class FeedbackDatasheetTests
{
    private static ExportedFeedback Record(string user, string? jurisdiction = "EU", string[]? facts = null, params ExportedNudge[] nudges) =>
        new(user, user + Guid.NewGuid().ToString("N"), "2026-12-01", jurisdiction, facts ?? ["ConsentsToFeedbackTraining"], nudges, -1, null, null, null);

    private static List<ExportedFeedback> Population(int people, Func<int, int> recordsOf, Func<int, string?>? jurisdiction = null, Func<int, string[]>? facts = null, Func<int, ExportedNudge[]>? nudges = null)
    {
        var records = new List<ExportedFeedback>();
        for (var p = 0; p < people; p++)
        {
            for (var r = 0; r < recordsOf(p); r++)
            {
                records.Add(Record("u" + p, jurisdiction?.Invoke(p) ?? "EU", facts?.Invoke(p), nudges?.Invoke(p) ?? []));
            }
        }

        return records;
    }

    [Fact]
    public void Concentration_is_the_share_of_records_from_the_top_contributors_on_a_hand_case()
    {
        // 200 people: u0 gave 100 records, u1 gave 50, u2..u19 gave 10 each, the other 180 one each. 510 records.
        var records = Population(200, p => p switch { 0 => 100, 1 => 50, < 20 => 10, _ => 1 });
        Assert.Equal(510, records.Count);

        // Top 1% is 2 people (u0, u1): 150 / 510. Top 10% is 20 people: 150 + 18 × 10 = 330 / 510.
        Assert.Equal(150.0 / 510, FeedbackDatasheet.TopShare(records, 0.01), 12);
        Assert.Equal(330.0 / 510, FeedbackDatasheet.TopShare(records, 0.10), 12);
        var sheet = FeedbackDatasheet.From(records);
        Assert.Equal((200, 510), (sheet.People, sheet.Records));
        Assert.Equal(150.0 / 510, sheet.TopOnePercentShare!.Value, 12);

        // With 15 people the top 1% is still one person.
        Assert.Equal(5.0 / 19, FeedbackDatasheet.TopShare(Population(15, p => p == 0 ? 5 : 1), 0.01), 12);
    }

    [Fact]
    public void Every_bucket_of_fewer_than_k_people_is_suppressed_however_many_records_it_holds()
    {
        var records = Population(
            30,
            p => p == 29 ? 40 : 1,
            p => p < 25 ? "EU" : "US",
            p => p < 12 ? ["ConsentsToFeedbackTraining", "Minor"] : ["ConsentsToFeedbackTraining"],
            p => p < 10 ? [new ExportedNudge("Verbosity", "lower", "too long")] : [new ExportedNudge("Verbosity", "higher", "too short")]);

        var sheet = FeedbackDatasheet.From(records, k: 11);

        Assert.Equal(["EU"], sheet.Jurisdictions.Select(j => j.Jurisdiction));            // US: 5 people, 44 records
        Assert.Equal(["ConsentsToFeedbackTraining", "Minor"], sheet.Facts.Select(f => f.Fact));
        Assert.Equal([("Verbosity", "higher", 20, 59)], sheet.Moves.Select(m => (m.Dimension, m.Direction, m.People, m.Nudges)));  // lower: 10 people
        Assert.Equal(2, sheet.Suppressed);
        Assert.All(sheet.Jurisdictions, j => Assert.True(j.People >= 11));

        var markdown = sheet.Markdown();
        Assert.DoesNotContain("| US |", markdown, StringComparison.Ordinal);
        Assert.Contains("(2 buckets were left out)", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(sheet.Json());
        Assert.Equal(2, json.RootElement.GetProperty("suppressedBuckets").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("jurisdictions").GetArrayLength());
    }

    [Fact]
    public void A_population_smaller_than_k_publishes_no_total_and_no_concentration()
    {
        var sheet = FeedbackDatasheet.From(Population(9, p => 3, nudges: p => [new ExportedNudge("Verbosity", "lower", null)]));

        Assert.Equal((10, (int?)null, (int?)null, (double?)null, (double?)null), (sheet.K, sheet.People, sheet.Records, sheet.TopOnePercentShare, sheet.TopTenPercentShare));
        Assert.Empty(sheet.Jurisdictions);
        Assert.Empty(sheet.Facts);
        Assert.Empty(sheet.Moves);
        Assert.Contains("| people | suppressed (fewer than 10 people) |", sheet.Markdown(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(sheet.Json()).RootElement.GetProperty("people").ValueKind);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackDatasheet.From([], k: 0));
    }
}
