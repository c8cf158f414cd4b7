using System;
using System.IO;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// The checked-in records of an older QuickStart version (tests/PolicyAsCode.Extensions.AI.Tests/Records/Fixtures/
/// quickstart-v1.jsonl: a dimension since dropped, one since added, a bound numbered differently) replay and report
/// under the QuickStart of today: the dropped dimension is ignored, the added one takes its default, the bound is found
/// by what it says, and nothing moves.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class OlderRecordsTests(PolicyAssemblies policies)
{
    private static readonly string Fixture = Path.Combine(PolicyAssemblies.RepoRoot, "tests", "PolicyAsCode.Extensions.AI.Tests", "Records", "Fixtures", "quickstart-v1.jsonl");

    [Fact]
    public void Records_of_an_older_policy_version_replay_under_todays_with_nothing_moved()
    {
        var run = PacRun.Of("replay", policies.QuickStart, Fixture);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("written under 5e1d0c9a7b31 (8)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Resolutions: 0 of 4 moved", run.Output, StringComparison.Ordinal);
        Assert.Contains("Decisions: 0 of 4 moved", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unreadable lines", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Records_of_an_older_policy_version_are_counted_by_pac_report()
    {
        var run = PacRun.Of("report", policies.QuickStart, Fixture, "--threshold", "1", "--format", "markdown");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("8 of 8 lines", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Skipped", run.Output, StringComparison.Ordinal);

        // The US minor's Locked(0), recorded as bound 40, is matched by dimension, tier and source (Markdown escapes
        // the parentheses).
        Assert.Contains(@"| MemoryDays | law of US | Locked\(0\) | when Minor | clamped | 1 |", run.Output, StringComparison.Ordinal);
        Assert.Contains(@"| MemoryDays | organisation contoso-learning | AtMost\(14\) | always | clamped | 1 |", run.Output, StringComparison.Ordinal);
    }
}
