using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

[Collection(PolicyAssembliesCollection.Name)]
public sealed class ReplayTests(PolicyAssemblies policies, AssistantRecords records) : IClassFixture<AssistantRecords>
{
    private const string Total = "10 resolutions";

    /// <summary>The organisation keeps at most 7 days instead of 14: narrowing only.</summary>
    private string Narrowed => policies.Edited("ReplayNarrowed", "ContosoLearning.cs", "[AtMost(14,", "[AtMost(7,");

    /// <summary>US law lets minors' data be kept 7 days instead of none, and EU law no longer refuses sexual content to minors.</summary>
    private string Widened => policies.Custom("ReplayWidened", Edit(
        ("UsLaw.cs", "[Locked(0, When = Fact.Minor", "[AtMost(7, When = Fact.Minor"),
        ("EuLaw.cs", "[Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = \"minors must not be shown sexual content\", Mitigates = [Risk.ManipulationOfTheVulnerable])]", string.Empty)));

    [Fact]
    public void The_policy_that_wrote_the_records_replays_them_unchanged()
    {
        var run = PacRun.Of("replay", policies.QuickStart, records.Plain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Resolutions: 0 of {AssistantRecords.Resolutions} moved", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Decisions: 0 of {AssistantRecords.Decisions} moved", run.Output, StringComparison.Ordinal);
        Assert.EndsWith($"this change would have altered 0.0% of {Total} and 0 of 16 decisions\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrowed_policy_moves_the_adults_memory_narrower_and_exits_0()
    {
        var run = PacRun.Of("replay", Narrowed, records.Plain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Resolutions: 3 of 10 moved (3 narrower, 0 wider)", run.Output, StringComparison.Ordinal);
        var row = run.Row("MemoryDays");
        Assert.Equal(["MemoryDays", "organisation contoso-learning: AtMost(7)", "3", "0"], row[..4]);
        Assert.EndsWith("(EU; ConsentsToMemory holds; Minor does not hold): 14 -> 7", row[4], StringComparison.Ordinal);
        Assert.Contains("Decisions: 0 of 16 moved", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("this change would have altered 30.0% of 10 resolutions (all narrower) and 0 of 16 decisions\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_widened_policy_moves_minors_memory_and_refusals_wider_and_exits_1()
    {
        var run = PacRun.Of("replay", Widened, records.Plain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Resolutions: 3 of 10 moved (0 narrower, 3 wider)", run.Output, StringComparison.Ordinal);
        var memory = run.Row("MemoryDays");
        Assert.StartsWith("law of US: AtMost(7)", memory[1], StringComparison.Ordinal);
        Assert.Equal(["0", "3"], memory[2..4]);
        Assert.EndsWith("(US; Minor and ConsentsToMemory hold): 0 -> 7", memory[4], StringComparison.Ordinal);
        Assert.Contains("Decisions: 2 of 16 moved (0 allowed to refused, 2 refused to allowed)", run.Output, StringComparison.Ordinal);
        var refusal = run.Row("law of EU no longer refuses (rule #1 as recorded)");
        Assert.Equal(["S12", "0", "2"], refusal[1..4]);
        Assert.EndsWith("(input, EU; Minor holds; ConsentsToMemory does not hold): refused -> allowed", refusal[4], StringComparison.Ordinal);
        Assert.EndsWith("this change would have altered 30.0% of 10 resolutions (all wider) and 2 of 16 decisions (all wider)\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_the_counts_and_the_verdict()
    {
        var run = PacRun.Of("replay", Widened, records.Plain, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("widened").GetBoolean());
        Assert.Equal(26, root.GetProperty("records").GetInt32());
        Assert.Equal(3, root.GetProperty("resolutions").GetProperty("wider").GetInt32());
        Assert.Equal(2, root.GetProperty("decisions").GetProperty("wider").GetInt32());
        var move = Assert.Single(root.GetProperty("moves").EnumerateArray());
        Assert.Equal("MemoryDays", move.GetProperty("dimension").GetString());
        Assert.Equal(3, move.GetProperty("examples").GetArrayLength());
        Assert.All(move.GetProperty("examples").EnumerateArray(), e => Assert.Equal("wider", e.GetProperty("movement").GetString()));
    }

    [Fact]
    public void Redacted_records_replay_at_their_effective_value_and_are_counted()
    {
        var narrowed = PacRun.Of("replay", Narrowed, records.Redacted);

        Assert.True(narrowed.ExitCode == 0, narrowed.ToString());
        Assert.Contains("Resolutions: 3 of 10 moved (3 narrower, 0 wider)", narrowed.Output, StringComparison.Ordinal);
        Assert.Contains("Redacted: 10 resolutions and 16 decisions were replayed with their recorded effective value", narrowed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"memoryDays\":30", File.ReadAllText(records.Redacted), StringComparison.Ordinal);

        // The minors' memory was recorded as granted (0), so under the widened law they still ask for 0: a widening
        // hidden by redaction, which the report warns of.
        var widened = PacRun.Of("replay", Widened, records.Redacted);
        Assert.True(widened.ExitCode == 1, widened.ToString());
        Assert.Contains("Resolutions: 0 of 10 moved", widened.Output, StringComparison.Ordinal);
        Assert.Contains("Decisions: 2 of 16 moved", widened.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_lines_are_counted_and_reported_and_the_rest_replays()
    {
        var path = Write("some-bad.jsonl", File.ReadAllLines(records.Plain).Take(4).Concat(["{ not json", "{\"v\":1}"]));

        var run = PacRun.Of("replay", policies.QuickStart, path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Unreadable lines: 2 (skipped)", run.Output, StringComparison.Ordinal);
        Assert.Contains("some-bad.jsonl:5: not JSON", run.Output, StringComparison.Ordinal);
        Assert.Contains("some-bad.jsonl:6: \"id\" is missing", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_exits_2_with_the_reason()
    {
        var missing = PacRun.Of("replay", policies.QuickStart, Path.Combine(records.Folder, "nowhere.jsonl"));
        var allBad = PacRun.Of("replay", policies.QuickStart, Write("all-bad.jsonl", ["garbage", "[]", "{}"]));
        var empty = PacRun.Of("replay", policies.QuickStart, Write("empty.jsonl", ["", "  "]));
        var lines = File.ReadAllLines(records.Plain);
        lines[2] = lines[2].Replace("\"policy\":\"QuickStart.Policies.LearnerPreferences\"", "\"policy\":\"Other.Policy\"", StringComparison.Ordinal);
        var other = PacRun.Of("replay", policies.QuickStart, Write("other-policy.jsonl", lines));

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("nowhere.jsonl: no such decision-record file.", missing.Error, StringComparison.Ordinal);
        Assert.True(allBad.ExitCode == 2, allBad.ToString());
        Assert.Contains("none of the 3 lines is a decision record pac can read (line 1 of ", allBad.Error, StringComparison.Ordinal);
        Assert.True(empty.ExitCode == 2, empty.ToString());
        Assert.Contains("no decision records to replay", empty.Error, StringComparison.Ordinal);
        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("other-policy.jsonl:3: a record of the policy Other.Policy, not of QuickStart.Policies.LearnerPreferences", other.Error, StringComparison.Ordinal);
        Assert.All([missing, allBad, empty, other], r => Assert.Equal(string.Empty, r.Output));
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(records.Folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Dictionary<string, string> Edit(params (string File, string Old, string New)[] edits)
    {
        var sources = PolicyAssemblies.QuickStartSources().ToDictionary();
        foreach (var (file, old, @new) in edits)
        {
            Assert.Contains(old, sources[file], StringComparison.Ordinal);
            sources[file] = sources[file].Replace(old, @new, StringComparison.Ordinal);
        }

        return sources;
    }
}
