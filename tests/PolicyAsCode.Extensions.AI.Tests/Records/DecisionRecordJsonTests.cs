using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Records;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

public class DecisionRecordJsonTests
{
    [Fact]
    public void A_decision_record_reads_back_as_written()
    {
        var sink = new ListSink();
        var recorder = RecordSupport.Recorder(sink, o => o.IncludeContent = true);
        var snapshot = Learners.Engine().Current;
        var resolution = snapshot.Resolve(Learners.AsksForEverything, Learners.EuMinor);
        var resolved = recorder.RecordResolution(snapshot, Learners.EuMinor, Learners.AsksForEverything, default, in resolution)!;
        var decision = snapshot.Decide(in resolution, Hazard.SexualContent | Hazard.Hate);
        var written = recorder.RecordDecision(snapshot, resolved, in decision, ContentStage.Output, Hazard.SexualContent | Hazard.Hate, "an explicit answer")!;

        var line = DecisionRecordJson.ToLine(written);
        var (read, error) = DecisionRecordJson.TryRead(line);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(line, DecisionRecordJson.ToLine(read));
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.Time, read.Time);
        Assert.Equal(DecisionRecordKind.Decision, read.Kind);
        Assert.Equal("QuickStart.Policies.LearnerPreferences", read.Policy);
        Assert.Equal(snapshot.Version, read.Version);
        Assert.Equal("EU", read.Jurisdiction);
        Assert.Equal(["Minor", "ConsentsToMemory"], read.Known);
        Assert.Equal(["Minor"], read.Holding);
        Assert.Equal("Mature", read.Requested["maturity"]!.GetValue<string>());
        Assert.Equal("Teen", read.Effective["maturity"]!.GetValue<string>());
        Assert.Equal(0, read.Effective["memoryDays"]!.GetValue<int>());
        var maturity = Assert.Single(read.Adjustments, a => a.Dimension == "maturity");
        Assert.Equal("clamped", maturity.Cause);
        Assert.Equal("AtMost(Maturity.Teen)", maturity.Source);
        Assert.Equal("immutable", maturity.TierRank);
        Assert.NotNull(maturity.Bound);
        Assert.Equal(snapshot.Registry.Bounds[maturity.Bound!.Value].Source, maturity.Source);
        Assert.False(read.Decision!.Allowed);
        Assert.Equal("output", read.Decision.Stage);
        Assert.Equal(["S10", "S12"], read.Decision.Detected);
        Assert.Equal("forbidden", read.Decision.Cause);
        Assert.Equal("EU", read.Decision.Tier);
        Assert.Equal(["S12"], read.Decision.Hazards);
        Assert.Equal(decision.Rule!.Index, read.Decision.Rule);
        Assert.Equal("an explicit answer", read.Content);
    }

    [Fact]
    public void Ids_are_unique_and_sort_by_time()
    {
        var sink = new ListSink();
        var time = new ManualTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var recorder = new PolicyDecisionRecorder([sink], null, null, null, time);
        var snapshot = Learners.Engine().Current;
        var resolution = snapshot.Resolve(new LearnerPreferences(), Learners.UsAdult);
        for (var i = 0; i < 50; i++)
        {
            recorder.RecordResolution(snapshot, Learners.UsAdult, new LearnerPreferences(), default, in resolution);
            time.Advance(TimeSpan.FromMilliseconds(3));
        }

        var ids = sink.Records.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, ids.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal("2026-01-02T03:04:05.0000000Z", JsonNode.Parse(DecisionRecordJson.ToLine(sink.Records[0]))!["time"]!.GetValue<string>());
    }

    [Fact]
    public void A_record_with_unknown_fields_and_without_optional_ones_reads()
    {
        // As a later writer might add fields (top level and nested), and an older or leaner one leave optional ones out.
        var line = """
            {"v":1,"id":"0190a5f6-0000-7000-8000-000000000001","time":"2026-03-01T10:00:00Z","kind":"decision",
             "policy":"QuickStart.Policies.LearnerPreferences","version":"abc","region":{"eu":true},"future":[1,2,3],
             "requested":{"maturity":"Mature","notADimensionAnyMore":7},
             "adjustments":[{"dimension":"maturity","cause":"clamped","bound":3,"source":"AtMost(Maturity.Teen)","tier":"EU","tierRank":"immutable","why":"new"}],
             "decision":{"allowed":false,"stage":"input","detected":["S12"],"hazards":["S12"],"confidence":0.9}}
            """.ReplaceLineEndings(string.Empty);

        var (record, error) = DecisionRecordJson.TryRead(line);

        Assert.Null(error);
        Assert.NotNull(record);
        Assert.Equal(DecisionRecordKind.Decision, record.Kind);
        Assert.Null(record.Jurisdiction);
        Assert.Empty(record.Known);
        Assert.Empty(record.Holding);
        Assert.Empty(record.Redacted);
        Assert.Empty(record.Unreadable);
        Assert.Empty(record.Effective);
        Assert.Equal(0, record.OverlayRevision);
        Assert.Equal(7, record.Requested["notADimensionAnyMore"]!.GetValue<int>());
        Assert.Equal(3, Assert.Single(record.Adjustments).Bound);
        Assert.Equal("forbidden", record.Decision!.Cause);
        Assert.Null(record.Decision.Rule);
        Assert.Null(record.Content);
    }

    [Fact]
    public void A_later_schema_version_reads_as_far_as_this_reader_knows_it()
    {
        var (record, error) = DecisionRecordJson.TryRead("""{"v":2,"id":"x","time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1","effective":{"maturity":"Teen"}}""");

        Assert.Null(error);
        Assert.Equal(2, record!.SchemaVersion);
        Assert.Equal("Teen", record.Effective["maturity"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"id":"x","time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1"}""", "\"v\" is missing")]
    [InlineData("""{"v":0,"id":"x","time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1"}""", "schema versions")]
    [InlineData("""{"v":1,"time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1"}""", "\"id\" is missing")]
    [InlineData("""{"v":1,"id":"x","time":"yesterday","kind":"resolution","policy":"P","version":"1"}""", "\"time\"")]
    [InlineData("""{"v":1,"id":"x","time":"2026-03-01T10:00:00Z","kind":"swap","policy":"P","version":"1"}""", "\"kind\"")]
    [InlineData("""{"v":1,"id":"x","time":"2026-03-01T10:00:00Z","kind":"decision","policy":"P","version":"1"}""", "no \"decision\"")]
    [InlineData("""{"v":1,"id":"x","time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1","known":"Minor"}""", "\"known\" is not an array")]
    [InlineData("""{"v":1,"id":"x","time":"2026-03-01T10:00:00Z","kind":"resolution","policy":"P","version":"1","requested":[]}""", "\"requested\" is not an object")]
    public void A_malformed_line_is_an_error_not_an_exception(string line, string expected)
    {
        var (record, error) = DecisionRecordJson.TryRead(line);

        Assert.Null(record);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_lines_numbers_them_skips_blank_ones_and_bounds_long_ones()
    {
        var sink = new ListSink();
        var good = DecisionRecordJson.ToLine(RecordSupport.Resolve(RecordSupport.Recorder(sink), new LearnerPreferences(), Learners.UsAdult));
        var text = good + "\n\n   \nnot json\r\n" + new string('x', DecisionRecordJson.MaxLineLength + 10) + "\n" + good;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = DecisionRecordJson.ReadLines(stream).ToList();

        Assert.Equal([1L, 4, 5, 6], lines.Select(l => l.Number));
        Assert.NotNull(lines[0].Record);
        Assert.Contains("not JSON", lines[1].Error, StringComparison.Ordinal);
        Assert.Contains("longer than", lines[2].Error, StringComparison.Ordinal);
        Assert.NotNull(lines[3].Record);
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
