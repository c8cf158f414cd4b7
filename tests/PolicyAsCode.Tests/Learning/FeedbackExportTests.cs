using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using PolicyAsCode.Learning;
using Xunit;
using Xunit.Abstractions;
using static PolicyAsCode.Tests.Learning.TutorPolicy;

namespace PolicyAsCode.Tests.Learning;

/// <summary>Issue 18, point 4: only consent lets a record out; ids are keyed pseudonyms; redaction drops what it names.</summary>
public sealed class FeedbackExportTests(ITestOutputHelper output)
{
    private static readonly FeedbackExportOptions Options = new(Encoding.UTF8.GetBytes("a test key of 32 bytes, no more!"));

    [Fact]
    public void The_export_never_holds_a_record_of_a_user_without_consent()
    {
        var consenting = Fact.ConsentsToFeedbackTraining;
        var gen =
            from users in Gen.Int[1, 12]
            from events in Gen.Select(Gen.Int[0, users - 1], Gen.Int[0, 3], Gen.Int[0, 200], Gen.Bool, (u, state, hours, reason) => (u, state, hours, reason)).Array[0, 40]
            select events.Select((e, i) => Nudge(
                "e" + i, "Verbosity", FeedbackDirection.Lower, TimeSpan.FromHours(e.hours), "too long", "user" + e.u,
                // Consent holds, is refused, is unknown, or holds without being known (which does not count).
                holding: e.state is 0 or 3 ? consenting : Fact.None, known: e.state is 0 or 1 ? consenting : Fact.None) with { Reason = e.reason ? "words" : null }).ToArray();
        var cases = 0;
        gen.Sample(events =>
        {
            cases++;
            var records = FeedbackExport.Records(events, Options);
            var byPseudonym = events.Select(e => e.UserId).Distinct().ToDictionary(u => Pseudonym(u), u => u);
            foreach (var record in records)
            {
                var user = byPseudonym[record.User];
                var latest = events.Where(e => e.UserId == user).OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Last();
                Assert.True(latest.ConsentsToTraining, $"{user}'s latest feedback does not establish consent, yet a record of theirs was exported");
                Assert.Contains(nameof(Fact.ConsentsToFeedbackTraining), record.Facts);
            }

            Assert.Equal(
                events.Count(e => e.ConsentsToTraining && events.Where(o => o.UserId == e.UserId).OrderBy(o => o.At).ThenBy(o => o.Id, StringComparer.Ordinal).Last().ConsentsToTraining),
                records.Count);
        }, iter: 2_000);
        output.WriteLine($"{cases} random feedback histories: no record of a user without consent was exported");
    }

    [Fact]
    public void Ids_are_keyed_pseudonyms_time_is_kept_to_the_day_and_lines_read_back()
    {
        var feedback = Nudge("event-1", "Verbosity", FeedbackDirection.Lower, TimeSpan.FromHours(3), "too long", "ada@example.org") with { DecisionId = "d-1", PolicyVersion = "v7", Reason = "shorter please" };
        var writer = new StringWriter();

        Assert.Equal(1, FeedbackExport.Write(writer, [feedback], Options));
        var text = writer.ToString();
        Assert.DoesNotContain("ada", text, StringComparison.Ordinal);
        Assert.DoesNotContain("event-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("d-1", text, StringComparison.Ordinal);
        var record = Assert.Single(FeedbackExport.Read(new StringReader(text)));
        Assert.Equal(Pseudonym("ada@example.org"), record.User);
        Assert.Equal(32, record.User.Length);
        Assert.Equal("2026-12-02", record.Day);
        Assert.Equal(("DE", "shorter please", "v7", -1), (record.Jurisdiction, record.Reason, record.PolicyVersion, record.Rating));
        Assert.Equal(new ExportedNudge("Verbosity", "lower", "too long"), Assert.Single(record.Nudges));

        // Another key, other pseudonyms: nothing links two exports made with different keys.
        var other = FeedbackExport.Records([feedback], Options with { PseudonymKey = Encoding.UTF8.GetBytes("another key that is long enough") });
        Assert.NotEqual(record.User, other[0].User);
        Assert.Throws<ArgumentException>(() => FeedbackExport.Records([feedback], Options with { PseudonymKey = new byte[8] }));
        Assert.Throws<FormatException>(() => FeedbackExport.Read(new StringReader("{\"user\":1}")));
    }

    [Fact]
    public void Redacting_a_dimension_drops_its_nudges_and_the_free_text_that_may_speak_of_it()
    {
        var feedback = new FeedbackEvent(
            "e", "ada", Now, [new DimensionNudge("Tone", FeedbackDirection.Lower, "too playful"), new DimensionNudge("Verbosity", FeedbackDirection.Lower)], -1, "stop joking",
            Jurisdiction: "EU", FactsKnown: Fact.ConsentsToFeedbackTraining | Fact.Minor, FactsHolding: Fact.ConsentsToFeedbackTraining);

        var record = Assert.Single(FeedbackExport.Records([feedback], Options with { RedactedDimensions = ["Tone"] }));
        Assert.Equal(["Verbosity"], record.Nudges.Select(n => n.Dimension));
        Assert.Null(record.Reason);
        Assert.Equal([nameof(Fact.ConsentsToFeedbackTraining)], record.Facts);

        Assert.Null(Assert.Single(FeedbackExport.Records([feedback], Options with { IncludeReasons = false })).Reason);
        Assert.Equal("stop joking", Assert.Single(FeedbackExport.Records([feedback], Options)).Reason);
    }

    private static string Pseudonym(string user) =>
        FeedbackExport.Records([Nudge("x", "Verbosity", FeedbackDirection.Lower, TimeSpan.Zero, user: user)], Options)[0].User;
}
