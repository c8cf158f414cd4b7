using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Random policies, compiled in memory by the C# compiler with the PolicyAsCode generator, evaluated by their
/// generated evaluators and by the reference interpreter on their registries: every case must agree.
/// Reproduce a failure with the environment variable PAC_EVAL_SEED set to the seed the failure prints.
/// </summary>
public sealed class RandomPolicyDifferentialTests(ITestOutputHelper output)
{
    private const int Policies = 40;
    private const int CasesPerPolicy = 2_500;
    private const int Batch = 10;

    [Fact]
    public void Generated_evaluators_of_random_policies_match_the_interpreter()
    {
        var master = Environment.GetEnvironmentVariable("PAC_EVAL_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"PAC_EVAL_SEED={master}");

        var policies = Enumerable.Range(0, Policies)
            .Select(i => RandomPolicySource.Create(unchecked(master + (i * 7919)), "Random.P" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        var coverage = new Coverage();
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

                var run = typeof(RandomPolicyDifferentialTests).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                try
                {
                    checkedCases += (long)run.Invoke(null, [policy, CasesPerPolicy, coverage])!;
                }
                catch (TargetInvocationException e) when (e.InnerException is DifferentialMismatchException mismatch)
                {
                    var source = compiled.GeneratedTrees.FirstOrDefault(t => t.FilePath.Contains(policy.Namespace, StringComparison.Ordinal))?.ToString();
                    throw new DifferentialMismatchException(
                        $"PAC_EVAL_SEED={master}, policy seed {policy.Seed}: {mismatch.Message}\n\nPolicy source:\n{policy.Source}\n\nGenerated source:\n{source}");
                }
            }
        }

        output.WriteLine($"{policies.Count} random policies, {checkedCases} cases agreed in {timer.Elapsed.TotalSeconds:F1} s (compiling {compileTime.TotalSeconds:F1} s): {coverage}");
        Assert.True(checkedCases >= 100_000, $"only {checkedCases} cases ran");
        coverage.AssertEverythingHappened();
    }

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
