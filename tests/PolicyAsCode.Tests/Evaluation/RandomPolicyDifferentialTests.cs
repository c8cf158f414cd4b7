using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Random policies, compiled in memory by the C# compiler with the PolicyAsCode generator, evaluated by their
/// generated evaluators and by the reference interpreter on their registries: every case must agree.
/// A quarter of the policies have laws within laws (<see cref="NestedJurisdictionDifferentialTests"/> has only such).
/// Reproduce a failure with the environment variable PAC_EVAL_SEED set to the seed the failure prints; soak with
/// PAC_EVAL_POLICIES (default 40) and PAC_EVAL_CASES (cases per policy, default 25,000). Every case also checks that
/// the generated resolution narrows (<see cref="NarrowingInvariant"/>): a million cases of each in every run (issue 17).
/// </summary>
public sealed class RandomPolicyDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_evaluators_of_random_policies_match_the_interpreter()
    {
        var master = CompiledBatch.MasterSeed();
        var policyCount = CompiledBatch.Setting("PAC_EVAL_POLICIES", 40);
        var casesPerPolicy = CompiledBatch.Setting("PAC_EVAL_CASES", 25_000);
        output.WriteLine($"PAC_EVAL_SEED={master}");

        var policies = Enumerable.Range(0, policyCount)
            .Select(i => RandomPolicySource.Create(CompiledBatch.PolicySeed(master, i), "Random.P" + i.ToString(CultureInfo.InvariantCulture), customHazards: CompiledBatch.CustomHazards(i)))
            .ToList();

        var coverage = new Coverage();
        var features = new PolicyFeatures();
        var run = typeof(Differential).GetMethod(nameof(Differential.Run))!;
        long checkedCases = 0;
        var timer = Stopwatch.StartNew();
        var compileTime = TimeSpan.Zero;
        foreach (var chunk in policies.Chunk(CompiledBatch.Size))
        {
            var started = timer.Elapsed;
            using var batch = CompiledBatch.Compile(master, chunk);
            compileTime += timer.Elapsed - started;
            foreach (var policy in chunk)
            {
                features.Count(batch.Registry(policy));
                checkedCases += batch.Run<long>(run, policy, policy.Seed, casesPerPolicy, coverage);
            }
        }

        output.WriteLine($"{policies.Count} random policies, {checkedCases} cases agreed in {timer.Elapsed.TotalSeconds:F1} s (compiling {compileTime.TotalSeconds:F1} s): {coverage}");
        Assert.Equal((long)policyCount * casesPerPolicy, checkedCases);
        Assert.Equal(checkedCases, coverage.Narrowed);
        var soak = Environment.GetEnvironmentVariable("PAC_EVAL_POLICIES") is not null || Environment.GetEnvironmentVariable("PAC_EVAL_CASES") is not null;
        Assert.True(checkedCases >= 1_000_000 || soak, $"only {checkedCases} cases ran");
        output.WriteLine("Policies with: " + features);
        coverage.AssertEverythingHappened();
        foreach (var feature in new[]
        {
            "dimension Boolean", "dimension Ordinal", "dimension Integer", "dimension Real", "dimension Set", "dimension Choice", "dimension hazard list",
            "organisation tier", "no organisation tier", "several laws", "conditional bound", "user waiver", "undelegated waiver claim", "tier default",
            "conditional hazard rule", "user's own hazard rule", "law within a law",
        })
        {
            Assert.True(features[feature] > 0, $"no random policy had a {feature}: {features}");
        }
    }
}
