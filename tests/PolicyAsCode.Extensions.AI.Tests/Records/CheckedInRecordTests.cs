using System;
using System.IO;
using System.Linq;
using PolicyAsCode.Records;
using PolicyAsCode.TestSupport;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

/// <summary>
/// Fixtures/quickstart-v1.jsonl is checked in: eight records (four resolutions, four decisions) written by the schema-1
/// recorder from the Assistant sample, under an older version of the QuickStart policy (version <c>5e1d0c9a7b31</c>,
/// which still had a <c>formality</c> dimension and no <c>language</c>, and numbered a bound 40). The file never changes
/// with the code, so a change to the reader or the writer that would leave yesterday's records unreadable, or make
/// them read differently, fails here; <c>pac replay</c> and <c>pac report</c> read the same file in the tool's tests.
/// </summary>
public sealed class CheckedInRecordTests
{
    public static readonly string Fixture = Path.Combine(RepositoryRoot.Path, "tests", "PolicyAsCode.Extensions.AI.Tests", "Records", "Fixtures", "quickstart-v1.jsonl");

    [Fact]
    public void Every_checked_in_line_reads_and_writes_back_byte_for_byte()
    {
        var lines = File.ReadAllLines(Fixture);

        Assert.Equal(8, lines.Length);
        Assert.All(lines, line =>
        {
            var (record, error) = DecisionRecordJson.TryRead(line);
            Assert.Null(error);
            Assert.Equal(1, record!.SchemaVersion);
            Assert.Equal(line, DecisionRecordJson.ToLine(record));
        });
    }

    [Fact]
    public void The_checked_in_records_read_as_they_were_written()
    {
        using var stream = File.OpenRead(Fixture);
        var records = DecisionRecordJson.ReadLines(stream).Select(l => l.Record!).ToList();

        Assert.Equal(4, records.Count(r => r.Kind == DecisionRecordKind.Resolution));
        Assert.All(records, r => Assert.Equal("5e1d0c9a7b31", r.Version));
        Assert.All(records, r => Assert.Equal("QuickStart.Policies.LearnerPreferences", r.Policy));

        var adult = records[0];
        Assert.Equal("EU", adult.Jurisdiction);
        Assert.Equal(["Minor", "ConsentsToMemory"], adult.Known);
        Assert.Equal(["ConsentsToMemory"], adult.Holding);
        Assert.Equal(30, adult.Requested["memoryDays"]!.GetValue<int>());
        Assert.Equal("Casual", adult.Requested["formality"]!.GetValue<string>());
        Assert.False(adult.Requested.ContainsKey("language"));
        Assert.Equal(14, adult.Effective["memoryDays"]!.GetValue<int>());
        var held = Assert.Single(adult.Adjustments);
        Assert.Equal(("memoryDays", "clamped", "AtMost(14)", "contoso-learning", "organisation"), (held.Dimension, held.Cause, held.Source, held.Tier, held.TierRank));

        var refusal = records[3];
        Assert.Equal(DecisionRecordKind.Decision, refusal.Kind);
        Assert.False(refusal.Decision!.Allowed);
        Assert.Equal(("input", "forbidden", "EU"), (refusal.Decision.Stage, refusal.Decision.Cause, refusal.Decision.Tier));
        Assert.Equal(["S12"], refusal.Decision.Hazards);
        Assert.Null(refusal.Content);

        Assert.All(records.Skip(6), r => Assert.Equal(40, Assert.Single(r.Adjustments).Bound));
    }
}
