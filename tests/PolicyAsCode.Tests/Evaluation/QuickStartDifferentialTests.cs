using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>The QuickStart's generated evaluator against the reference interpreter on its own registry.</summary>
public sealed class QuickStartDifferentialTests(ITestOutputHelper output)
{
    private const long Cases = 100_000;

    [Fact]
    public void Generated_QuickStart_evaluator_matches_the_interpreter_on_random_requests()
    {
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        var coverage = new Coverage();
        long checkedCases = 0;

        CaseGenerators.Cases(LearnerPreferences.Registry).Sample(
            c =>
            {
                Differential.Check<LearnerPreferences>(interpreter, c, coverage);
                Interlocked.Increment(ref checkedCases);
            },
            writeLine: output.WriteLine,
            iter: Cases,
            print: c => c.ToString());

        output.WriteLine($"QuickStart: {checkedCases} random cases agreed (resolution, adjustments, forbids, decisions, defaults): {coverage}");
        Assert.True(checkedCases >= Cases, $"only {checkedCases} cases ran");

        // The QuickStart's bounds never contradict; everything else must have happened.
        foreach (var cause in new[] { AdjustmentCause.Clamped, AdjustmentCause.Waived, AdjustmentCause.FailedClosed })
        {
            Assert.True(coverage.Adjustments(cause) > 0, $"no {cause} adjustment: {coverage}");
        }

        foreach (var cause in new[] { DecisionCause.Allowed, DecisionCause.Forbidden, DecisionCause.UnknownHazard, DecisionCause.Unresolved })
        {
            Assert.True(coverage.Decisions(cause) > 0, $"no {cause} decision: {coverage}");
        }
    }

    [Fact]
    public void Decoding_an_out_of_domain_QuickStart_value_keeps_it_out_of_the_domain()
    {
        Differential.CheckDecodeKeepsOutOfDomainValuesOut<LearnerPreferences>(LearnerPreferences.Registry);
        Assert.Null(LearnerPreferences.Decode([.. LearnerPreferences.Encode(new LearnerPreferences())[..7], DimensionInfo.OutsideMembers]).Language);
        Assert.Equal((Maturity)3, LearnerPreferences.Decode([DimensionInfo.OutsideMembers]).Maturity);
    }

    [Fact]
    public void Generated_QuickStart_defaults_match_the_interpreter_in_every_jurisdiction()
    {
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        var count = 0;
        foreach (var jurisdiction in new[] { "EU", "US", "eu", "unknown", null })
        {
            for (var known = 0u; known < 16; known++)
            {
                for (var facts = 0u; facts < 16; facts++)
                {
                    var context = new PolicyContext(jurisdiction, (Fact)facts, (Fact)known);
                    Assert.Equal(interpreter.Defaults(context), LearnerPreferences.Encode(LearnerPreferences.Defaults(context)));
                    count++;
                }
            }
        }

        Assert.Equal(5 * 16 * 16, count);
    }
}
