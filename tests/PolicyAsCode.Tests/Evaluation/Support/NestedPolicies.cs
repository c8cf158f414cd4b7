using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Random policies whose laws sit within laws, each <see cref="LawNesting"/> in turn (<see cref="RandomPolicySource.Create"/>),
/// compiled once and shared by the tests of <see cref="NestedLawsCollection"/>. Reproduce a run with PAC_EVAL_SEED set
/// to the seed it prints; PAC_NESTED_POLICIES sets how many policies there are (default 20).
/// </summary>
public sealed class NestedPolicies : IDisposable
{
    /// <summary>Compiles the policies.</summary>
    public NestedPolicies()
    {
        Master = CompiledBatch.MasterSeed();
        var count = CompiledBatch.Setting("PAC_NESTED_POLICIES", 20);
        var timer = Stopwatch.StartNew();

        // Seeds from another range than RandomPolicyDifferentialTests' ones, so one PAC_EVAL_SEED gives both tests their own policies.
        // Every fifth policy shares a jurisdiction between two laws, so no seed leaves that case out (by chance, 1 in 90 did).
        var policies = Enumerable.Range(0, count)
            .Select(i => RandomPolicySource.Create(
                CompiledBatch.PolicySeed(Master, 1_000_000 + i), "Nested.P" + i.ToString(CultureInfo.InvariantCulture), CompiledBatch.CustomHazards(i), (LawNesting)(1 + (i % 5)), sharedJurisdiction: i % 5 == 2))
            .ToList();
        Batches = CompiledBatch.CompileAll(Master, policies);
        CompileTime = timer.Elapsed;
    }

    /// <summary>The run's seed.</summary>
    public int Master { get; }

    /// <summary>The compiled batches.</summary>
    public IReadOnlyList<CompiledBatch> Batches { get; }

    /// <summary>Every policy, with the batch it was compiled in.</summary>
    public IEnumerable<(CompiledBatch Batch, RandomPolicy Policy)> Policies => Batches.SelectMany(b => b.Policies.Select(p => (b, p)));

    /// <summary>How long writing and compiling the policies took.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>Unloads the compiled policies.</summary>
    public void Dispose()
    {
        foreach (var batch in Batches)
        {
            batch.Dispose();
        }
    }
}

/// <summary>The tests that share one compilation of <see cref="NestedPolicies"/>.</summary>
[CollectionDefinition(Name)]
public sealed class NestedLawsCollection : ICollectionFixture<NestedPolicies>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "nested laws";
}
