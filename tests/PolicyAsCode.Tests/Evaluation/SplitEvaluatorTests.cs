using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Policies wide enough that the generator splits the steps of a resolution that moves something, and of an overlaid
/// one, into methods of 8 dimensions (above 128 dimensions): the split evaluators must answer as the interpreter, and
/// no generated method may be so large that the JIT runs it unoptimised. (At 1,000 dimensions the unsplit methods were
/// 198 KB and 106 KB of IL; the JIT compiled them with MinOpts, and an overlaid resolve took 45 to 50 times the
/// compiled one.) Reproduce a failure with PAC_EVAL_SEED.
/// </summary>
public sealed class SplitEvaluatorTests(ITestOutputHelper output)
{
    // The JIT's limit on a method's IL (DEFAULT_MIN_OPTS_CODE_SIZE in the runtime's jit/compiler.h): above it, a method
    // is compiled without optimisation, at every tier.
    private const int MinOptsCodeSize = 60_000;

    [Fact]
    public void Split_evaluators_of_wide_random_policies_match_the_interpreter()
    {
        var master = CompiledBatch.MasterSeed();
        output.WriteLine($"PAC_EVAL_SEED={master}");
        var policies = WithOrganisations(master, "Wide.P", [150, 200]);
        policies.Add(Consistent(140));
        using var batch = CompiledBatch.Compile(master, policies);
        var generated = typeof(Differential).GetMethod(nameof(Differential.Run))!;
        var overlaid = typeof(OverlayDifferential).GetMethod(nameof(OverlayDifferential.Run))!;
        foreach (var policy in policies)
        {
            var dimensions = batch.Registry(policy).Dimensions.Length;
            Assert.True(dimensions > 128, $"policy seed {policy.Seed} has {dimensions} dimensions, too few to be split");
            Assert.Contains(batch.UserTier(policy).Assembly.GetTypes(), t => t.Name.EndsWith("PolicyTables", StringComparison.Ordinal) && t.Namespace == policy.Namespace && t.GetMethod("Granted0") is not null);

            var cases = batch.Run<long>(generated, policy, policy.Seed, 3_000, null);
            var (overlaidCases, unchanged, moved, outOfDomain) = batch.Run<(long, long, long, long)>(overlaid, policy, policy.Seed, 2, 300);
            output.WriteLine($"{policy.Namespace}, {dimensions} dimensions: {cases} generated cases and {overlaidCases} overlaid ones agreed ({unchanged} granted as asked, {moved} adjusted; {outOfDomain} more with one value outside its domain)");
            Assert.True(outOfDomain > 0, $"{policy.Namespace}: no overlaid request held a value outside its domain");
            Assert.Equal(3_000, cases);
            Assert.True(moved > 0, $"{policy.Namespace}: no overlaid case was adjusted");

            // Random policies this wide almost always contradict themselves somewhere, so every request moves; the
            // consistent one is where a request granted as asked goes through every split first pass.
            Assert.True(policy != policies[^1] || unchanged > 0, $"{policy.Namespace}: no overlaid case was granted as asked");
        }
    }

    [Fact]
    public void No_generated_method_of_a_policy_of_600_dimensions_is_too_large_for_the_JIT_to_optimise()
    {
        var master = CompiledBatch.MasterSeed();
        output.WriteLine($"PAC_EVAL_SEED={master}");
        var policy = WithOrganisations(master, "Wider.P", [600]).Single();
        using var batch = CompiledBatch.Compile(master, [policy]);
        var userTier = batch.UserTier(policy);
        var sizes = userTier.Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Size: m.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0))
            .OrderByDescending(m => m.Size)
            .ToList();
        output.WriteLine("largest: " + string.Join(", ", sizes.Take(5).Select(m => $"{m.Method} {m.Size} B")));
        Assert.All(sizes, m => Assert.True(m.Size <= MinOptsCodeSize, $"{m.Method} has {m.Size} bytes of IL, over the JIT's {MinOptsCodeSize}"));

        // Split where it matters: the largest methods are the straight-line record copies, not the resolution's steps.
        Assert.Contains(sizes, m => m.Method.EndsWith(".Granted18", StringComparison.Ordinal));
        Assert.Contains(sizes, m => m.Method.EndsWith(".Within18", StringComparison.Ordinal));
        Assert.Contains(sizes, m => m.Method.EndsWith(".Moved18", StringComparison.Ordinal));

        var cases = batch.Run<long>(typeof(Differential).GetMethod(nameof(Differential.Run))!, policy, policy.Seed, 1_000, null);
        Assert.Equal(1_000, cases);
    }

    // A policy whose bounds never contradict each other, on every kind the first pass tests differently: a request
    // granted what it asked is granted as asked when it asks again.
    private static RandomPolicy Consistent(int dimensions)
    {
        const string ns = "Wide.Consistent";
        var law = new StringBuilder("[ImmutableTier(\"EU\")]\npublic partial record Law\n{\n");
        var organisation = new StringBuilder("[OrganisationTier(\"org\", Within = [typeof(Law)])]\npublic partial record Org\n{\n");
        var user = new StringBuilder("[UserTier(Within = [typeof(Org)])]\npublic partial record Prefs\n{\n");
        for (var i = 0; i < dimensions; i++)
        {
            var name = "D" + i.ToString(CultureInfo.InvariantCulture);
            var (type, lawBound, organisationBound, initialiser) = (i % 5) switch
            {
                0 => ("int", "[Between(0, 90)] [AtMost(30, When = Fact.Minor)]", "[AtMost(60)]", "10"),
                1 => ("Level", "[AtMost(Level.L2)]", "[AtMost(Level.L1, When = Fact.Minor)]", "Level.L1"),
                2 => ("bool", "[Locked(true, When = Fact.Minor)]", string.Empty, "true"),
                3 => ("double", "[Between(0.0, 1.0)]", "[AtMost(0.8)]", "0.5"),
                _ => ("Channels", "[AtMost(Channels.Text | Channels.Voice | Channels.Images)]", "[AtMost(Channels.Text | Channels.Voice, When = Fact.Minor)]", "Channels.Text"),
            };
            law.Append(CultureInfo.InvariantCulture, $"    {lawBound}\n    public {type} {name} {{ get; init; }}\n");
            if (organisationBound.Length > 0)
            {
                organisation.Append(CultureInfo.InvariantCulture, $"    {organisationBound}\n    public {type} {name} {{ get; init; }}\n");
            }

            user.Append(CultureInfo.InvariantCulture, $"    public {type} {name} {{ get; init; }} = {initialiser};\n");
        }

        var source = $"using PolicyAsCode;\n\nnamespace {ns};\n\npublic enum Level {{ L0, L1, L2, L3 }}\n\n[System.Flags]\npublic enum Channels {{ None = 0, Text = 1, Voice = 2, Images = 4, Video = 8 }}\n\n{law}}}\n\n{organisation}}}\n\n{user}}}\n";
        return new RandomPolicy(0, ns, ns + ".Prefs", source);
    }

    // Random policies of the given widths that have an organisation tier (an overlay narrows one), drawn in order from
    // the run's seed.
    private static List<RandomPolicy> WithOrganisations(int master, string prefix, int[] widths)
    {
        var policies = new List<RandomPolicy>();
        for (var i = 0; policies.Count < widths.Length; i++)
        {
            var candidate = RandomPolicySource.Create(
                CompiledBatch.PolicySeed(master, 200_000 + i), prefix + i.ToString(CultureInfo.InvariantCulture), customHazards: false, dimensions: widths[policies.Count]);
            if (candidate.Source.Contains("[OrganisationTier", StringComparison.Ordinal))
            {
                policies.Add(candidate);
            }
        }

        return policies;
    }
}
