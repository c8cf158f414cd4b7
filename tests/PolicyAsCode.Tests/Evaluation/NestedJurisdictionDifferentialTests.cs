using System;
using System.Diagnostics;
using System.Linq;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Laws within laws (issue 14): random policies whose laws sit within other laws, up to three deep (EU, DE within EU,
/// DE-BY within DE), two national laws within one, unrelated laws side by side, whose national laws mostly narrow the
/// laws they sit within and sometimes contradict them, and whose organisations are deployed under national laws,
/// supra-national ones or both. Their generated evaluators and the reference interpreter must agree on every case,
/// resolving and deciding, in every jurisdiction of the policy, an unknown one and none.
/// PAC_NESTED_CASES sets the cases per policy (default 5,000).
/// </summary>
[Collection(NestedLawsCollection.Name)]
public sealed class NestedJurisdictionDifferentialTests(NestedPolicies nested, ITestOutputHelper output)
{
    [Fact]
    public void Generated_evaluators_of_policies_with_laws_within_laws_match_the_interpreter()
    {
        output.WriteLine($"PAC_EVAL_SEED={nested.Master}");
        var casesPerPolicy = CompiledBatch.Setting("PAC_NESTED_CASES", 5_000);
        var run = typeof(Differential).GetMethod(nameof(Differential.Run))!;
        var coverage = new Coverage();
        var features = new PolicyFeatures();
        var timer = Stopwatch.StartNew();
        long checkedCases = 0;
        var policies = 0;
        foreach (var (batch, policy) in nested.Policies)
        {
            policies++;
            features.Count(batch.Registry(policy));
            checkedCases += batch.Run<long>(run, policy, policy.Seed, casesPerPolicy, coverage);
        }

        output.WriteLine($"{policies} policies with laws within laws (written and compiled in {nested.CompileTime.TotalSeconds:F1} s): {checkedCases} cases agreed in {timer.Elapsed.TotalSeconds:F1} s: {coverage}");
        output.WriteLine("Policies with: " + features);
        Assert.Equal((long)policies * casesPerPolicy, checkedCases);
        Assert.True(
            checkedCases >= 100_000 || Environment.GetEnvironmentVariable("PAC_NESTED_POLICIES") is not null || Environment.GetEnvironmentVariable("PAC_NESTED_CASES") is not null,
            $"only {checkedCases} cases ran");
        coverage.AssertEverythingHappened();
        Assert.Equal(policies, features["law within a law"]);
        foreach (var feature in new[]
        {
            "law within a law within a law", "two laws within one", "unrelated laws with one within another", "laws sharing a jurisdiction",
            "organisation under a law within a law", "organisation under a law with laws within it", "user waiver",
        })
        {
            Assert.True(features[feature] > 0, $"no policy had a {feature}: {features}");
        }
    }
}
