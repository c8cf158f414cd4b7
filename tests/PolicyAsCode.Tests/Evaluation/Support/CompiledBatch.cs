using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Random policies compiled together into one assembly by the C# compiler with the PolicyAsCode generator
/// (<see cref="PolicyCompiler"/>), each found by its user tier; a check run on one of them that fails names the run's
/// seed, the policy's seed, its source and its generated source, so that the failure can be reproduced and read.
/// </summary>
public sealed class CompiledBatch : IDisposable
{
    /// <summary>
    /// How many policies compile into one assembly. Project hazard categories are assembly attributes, shared by a
    /// batch, so only every other batch declares any (<see cref="CustomHazards"/>): the others have none, as most projects.
    /// </summary>
    public const int Size = 20;

    private readonly CompiledPolicies _compiled;
    private readonly int _master;

    private CompiledBatch(CompiledPolicies compiled, int master, IReadOnlyList<RandomPolicy> policies)
    {
        _compiled = compiled;
        _master = master;
        Policies = policies;
    }

    /// <summary>The policies of the batch.</summary>
    public IReadOnlyList<RandomPolicy> Policies { get; }

    /// <summary>The run's seed: PAC_EVAL_SEED when set, else a new one.</summary>
    public static int MasterSeed() =>
        Environment.GetEnvironmentVariable("PAC_EVAL_SEED") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : Random.Shared.Next();

    /// <summary>An environment variable's number, or <paramref name="fallback"/>.</summary>
    public static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The seed of policy <paramref name="index"/>: a SplitMix64 hash, so that policies of one run are independent.</summary>
    public static int PolicySeed(int master, int index)
    {
        unchecked
        {
            var z = ((ulong)(uint)master << 32) + (ulong)index + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }

    /// <summary>Whether policy <paramref name="index"/> may name project hazard categories: those of every other batch.</summary>
    public static bool CustomHazards(int index) => index / Size % 2 == 1;

    /// <summary>Compiles <paramref name="policies"/>, <see cref="Size"/> at a time, and asserts each compiles cleanly.</summary>
    public static List<CompiledBatch> CompileAll(int master, IReadOnlyList<RandomPolicy> policies) =>
        [.. policies.Chunk(Size).Select(batch => Compile(master, batch))];

    /// <summary>Compiles one batch and asserts that it compiles with no error and the generated code with no warning.</summary>
    public static CompiledBatch Compile(int master, IReadOnlyList<RandomPolicy> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var compiled = PolicyCompiler.Compile("RandomPolicies" + batch[0].Seed.ToString(CultureInfo.InvariantCulture), [.. batch.Select(p => (p.Namespace + ".cs", p.Source))]);
        Assert.True(compiled.Errors.IsEmpty, $"PAC_EVAL_SEED={master}: the random policies do not compile:\n{string.Join("\n", compiled.Errors)}\n\n{string.Join("\n\n", batch.Select(p => p.Source))}");
        Assert.True(compiled.GeneratedWarnings.IsEmpty, $"PAC_EVAL_SEED={master}: the generated code has warnings:\n{string.Join("\n", compiled.GeneratedWarnings)}");
        return new CompiledBatch(compiled, master, batch);
    }

    /// <summary>The user tier of a policy, which must have a generated evaluator.</summary>
    public Type UserTier(RandomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var type = _compiled.Assembly!.GetType(policy.UserTier);
        Assert.True(type is not null, $"PAC_EVAL_SEED={_master}: no type {policy.UserTier}");
        Assert.True(
            type!.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUserTierPolicy<>)),
            $"PAC_EVAL_SEED={_master}: the generator emitted no evaluator for policy seed {policy.Seed}:\n{policy.Source}");
        return type;
    }

    /// <summary>The registry the generator emitted for a policy.</summary>
    public PolicyRegistry Registry(RandomPolicy policy) =>
        (PolicyRegistry)UserTier(policy).GetProperty("Registry", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>
    /// Calls the generic method <paramref name="check"/>, made for the policy's user tier, with <paramref name="arguments"/>.
    /// A disagreement, a failed assertion or an evaluator that threw (evaluation must never throw) comes back naming
    /// the policy exactly.
    /// </summary>
    public T Run<T>(MethodInfo check, RandomPolicy policy, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(policy);
        var method = check.MakeGenericMethod(UserTier(policy));
        try
        {
            return (T)method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            var source = _compiled.GeneratedTrees.FirstOrDefault(t => t.FilePath.Contains(policy.Namespace + ".", StringComparison.Ordinal))?.ToString();
            var what = e.InnerException is DifferentialMismatchException or Xunit.Sdk.XunitException ? e.InnerException.Message : e.InnerException.ToString();
            throw new DifferentialMismatchException(
                $"PAC_EVAL_SEED={_master}, policy seed {policy.Seed}: {what}\n\nPolicy source:\n{policy.Source}\n\nGenerated source:\n{source}");
        }
    }

    /// <summary>Unloads the assembly.</summary>
    public void Dispose() => _compiled.Dispose();
}
