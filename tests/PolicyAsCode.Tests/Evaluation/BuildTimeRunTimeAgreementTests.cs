extern alias gen;

using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using BuildTimeShapes = gen::PolicyAsCode.Generators.Model.PolicyShapes;
using BuildTimeText = gen::PolicyAsCode.ShapeText;
using BuildTimeWords = gen::PolicyAsCode.DimensionWords;
using PolicyReader = gen::PolicyAsCode.Generators.Parsing.PolicyReader;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// One semantics (issue 12, point 1): for random policies written as C#, the analysers' view (the generator's model
/// read from source, through the semantic kernel linked into the generator) and the run-time view (the registry the
/// generated code builds, through the kernel in the runtime library) give the same shape, the same binding bounds and
/// the same words in every jurisdiction and every context, and the same overrides.
/// </summary>
public sealed class BuildTimeRunTimeAgreementTests(ITestOutputHelper output)
{
    private const int Batch = 20;

    [Fact]
    public void The_model_and_the_registry_answer_every_question_alike_in_every_context()
    {
        var master = Environment.GetEnvironmentVariable("PAC_EVAL_SEED") is { Length: > 0 } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"PAC_EVAL_SEED={master}");
        var policies = Enumerable.Range(0, 60)
            .Select(i => RandomPolicySource.Create(unchecked(master * 31 + i), "Agree.P" + i.ToString(CultureInfo.InvariantCulture), customHazards: i / Batch % 2 == 1))
            .ToList();
        var compared = 0;
        var lines = 0L;
        foreach (var batch in policies.Chunk(Batch))
        {
            var name = "Agreement" + batch[0].Seed.ToString(CultureInfo.InvariantCulture);
            var sources = batch.Select(p => (p.Namespace + ".cs", p.Source)).ToList();
            using var compiled = PolicyCompiler.Compile(name, sources);
            Assert.True(compiled.Errors.IsEmpty, $"PAC_EVAL_SEED={master}: {string.Join("\n", compiled.Errors)}");
            var source = PolicyCompiler.Source(name, sources);
            foreach (var policy in batch)
            {
                var model = PolicyReader.Read(source.GetTypeByMetadataName(policy.UserTier)!, source, default);
                Assert.NotNull(model);
                var buildTime = BuildTimeText.Of(BuildTimeShapes.ToShape(model!), model!.Dimensions.Select(d => (BuildTimeWords)d.Words).ToList());

                var type = compiled.Assembly!.GetType(policy.UserTier)!;
                var registry = (PolicyRegistry)type.GetProperty("Registry", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                var runTime = ShapeText.Of(registry.Shape, registry.Dimensions.Select(d => d.Words).ToList());

                Assert.True(buildTime == runTime, $"PAC_EVAL_SEED={master}, policy seed {policy.Seed}: build time and run time differ\n--- build time\n{buildTime}\n--- run time\n{runTime}\n--- source\n{policy.Source}");
                compared++;
                lines += runTime.Count(c => c == '\n');
            }
        }

        output.WriteLine($"{compared} random policies: build time and run time agree on {lines} lines of shape, binding, words and overrides");
        Assert.Equal(policies.Count, compared);
    }
}
