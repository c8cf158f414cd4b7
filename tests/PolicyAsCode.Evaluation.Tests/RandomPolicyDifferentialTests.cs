using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Random policies, compiled in memory by the C# compiler with the PolicyAsCode generator, evaluated by their
/// generated evaluators and by the reference interpreter on their registries: every case must agree.
/// Reproduce a failure with the environment variable PAC_EVAL_SEED set to the seed the failure prints; soak with
/// PAC_EVAL_POLICIES (default 40) and PAC_EVAL_CASES (cases per policy, default 2,500).
/// </summary>
public sealed class RandomPolicyDifferentialTests(ITestOutputHelper output)
{
    // Policies compile in batches, one assembly each. Project hazard categories are assembly attributes, shared by
    // a batch, so only every other batch declares any: the others have none, as most projects.
    private const int Batch = 20;

    [Fact]
    public void Generated_evaluators_of_random_policies_match_the_interpreter()
    {
        var master = Environment.GetEnvironmentVariable("PAC_EVAL_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var policyCount = Setting("PAC_EVAL_POLICIES", 40);
        var casesPerPolicy = Setting("PAC_EVAL_CASES", 2_500);
        output.WriteLine($"PAC_EVAL_SEED={master}");

        var policies = Enumerable.Range(0, policyCount)
            .Select(i => RandomPolicySource.Create(PolicySeed(master, i), "Random.P" + i.ToString(CultureInfo.InvariantCulture), customHazards: i / Batch % 2 == 1))
            .ToList();

        var coverage = new Coverage();
        var features = new PolicyFeatures();
        long checkedCases = 0;
        var timer = Stopwatch.StartNew();
        var compileTime = TimeSpan.Zero;
        foreach (var batch in policies.Chunk(Batch))
        {
            var started = timer.Elapsed;
            using var compiled = PolicyCompiler.Compile("RandomPolicies" + batch[0].Seed.ToString(CultureInfo.InvariantCulture), [.. batch.Select(p => (p.Namespace + ".cs", p.Source))]);
            compileTime += timer.Elapsed - started;
            Assert.True(compiled.Errors.IsEmpty, $"PAC_EVAL_SEED={master}: the random policies do not compile:\n{string.Join("\n", compiled.Errors)}\n\n{string.Join("\n\n", batch.Select(p => p.Source))}");
            Assert.True(compiled.GeneratedWarnings.IsEmpty, $"PAC_EVAL_SEED={master}: the generated code has warnings:\n{string.Join("\n", compiled.GeneratedWarnings)}");

            foreach (var policy in batch)
            {
                var type = compiled.Assembly!.GetType(policy.UserTier);
                Assert.True(type is not null, $"PAC_EVAL_SEED={master}: no type {policy.UserTier}");
                Assert.True(
                    type!.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUserTierPolicy<>)),
                    $"PAC_EVAL_SEED={master}: the generator emitted no evaluator for policy seed {policy.Seed}:\n{policy.Source}");

                features.Count((PolicyRegistry)type.GetProperty("Registry", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
                var run = typeof(RandomPolicyDifferentialTests).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                try
                {
                    checkedCases += (long)run.Invoke(null, [policy, casesPerPolicy, coverage])!;
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    // A disagreement, or an evaluator that threw (evaluation must never throw): name the policy exactly.
                    var source = compiled.GeneratedTrees.FirstOrDefault(t => t.FilePath.Contains(policy.Namespace + ".", StringComparison.Ordinal))?.ToString();
                    throw new DifferentialMismatchException(
                        $"PAC_EVAL_SEED={master}, policy seed {policy.Seed}: {(e.InnerException is DifferentialMismatchException ? e.InnerException.Message : e.InnerException.ToString())}"
                        + $"\n\nPolicy source:\n{policy.Source}\n\nGenerated source:\n{source}");
                }
            }
        }

        output.WriteLine($"{policies.Count} random policies, {checkedCases} cases agreed in {timer.Elapsed.TotalSeconds:F1} s (compiling {compileTime.TotalSeconds:F1} s): {coverage}");
        Assert.Equal((long)policyCount * casesPerPolicy, checkedCases);
        Assert.True(checkedCases >= 100_000 || Environment.GetEnvironmentVariable("PAC_EVAL_POLICIES") is not null || Environment.GetEnvironmentVariable("PAC_EVAL_CASES") is not null, $"only {checkedCases} cases ran");
        output.WriteLine("Policies with: " + features);
        coverage.AssertEverythingHappened();
        foreach (var feature in new[]
        {
            "dimension Boolean", "dimension Ordinal", "dimension Integer", "dimension Real", "dimension Set", "dimension Choice", "dimension hazard list",
            "organisation tier", "no organisation tier", "several laws", "conditional bound", "user waiver", "undelegated waiver claim", "tier default",
            "conditional hazard rule", "user's own hazard rule",
        })
        {
            Assert.True(features[feature] > 0, $"no random policy had a {feature}: {features}");
        }
    }

    /// <summary>The seed of policy <paramref name="index"/>: a SplitMix64 hash, so that policies of one run are independent.</summary>
    private static int PolicySeed(int master, int index)
    {
        unchecked
        {
            var z = ((ulong)(uint)master << 32) + (ulong)index + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static long Run<T>(RandomPolicy policy, int cases, Coverage coverage)
        where T : class, IUserTierPolicy<T>
    {
        Differential.CheckDecodeKeepsOutOfDomainValuesOut<T>(T.Registry);
        var interpreter = new PolicyInterpreter(T.Registry);
        var gen = CaseGenerators.Cases(T.Registry);
        var random = new PCG(1, unchecked((ulong)policy.Seed));
        long count = 0;
        for (var i = 0; i < cases; i++)
        {
            var c = gen.Generate(random, null!, out _);
            Differential.Check<T>(interpreter, c, coverage);
            count++;
        }

        return count;
    }
}
