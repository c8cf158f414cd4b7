using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// pac reads a policy from the constant data the generator emits, never by running the assembly: the data is the very
/// registry the assembly builds (for every generator snapshot case and the QuickStart), and an assembly whose module
/// initialiser and static constructor leave a marker leaves none when pac reads it.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class PolicyDataTests(PolicyAssemblies policies)
{
    public static TheoryData<string> GeneratorCases => [.. Cases.Keys];

    private static readonly Dictionary<string, SourceFile[]> Cases = new()
    {
        ["Minimal"] = Policies.Minimal,
        ["EveryKind"] = Policies.EveryKind,
        ["ConditionalWaiver"] = Policies.ConditionalWaiver,
        ["GlobalNamespace"] = Policies.GlobalNamespace,
        ["Nested"] = Policies.Nested,
        ["Contradiction"] = Policies.Contradiction,
        ["UnconditionalContradiction"] = Policies.UnconditionalContradiction,
        ["KeywordNames"] = Policies.KeywordNames,
        ["NestedLaws"] = Policies.NestedLaws,
        ["CustomTaxonomy"] = Policies.CustomTaxonomy,
    };

    [Theory]
    [MemberData(nameof(GeneratorCases))]
    public void Policy_data_is_the_registry_each_generator_case_builds(string name)
    {
        var path = policies.Custom("case-" + name, Cases[name].ToDictionary(s => s.Path, s => s.Text));

        AssertDataIsTheRegistry(path);
    }

    [Fact]
    public void Policy_data_is_the_registry_the_QuickStart_builds() => AssertDataIsTheRegistry(policies.QuickStart);

    [Fact]
    public void Reading_a_policy_runs_none_of_its_code()
    {
        var marker = Path.Combine(policies.Folder, "ran-" + Guid.NewGuid().ToString("N"));
        var path = policies.Custom("Hostile", MarkerPolicy(marker));
        var prefs = Path.Combine(policies.Folder, "hostile-prefs.json");
        File.WriteAllText(prefs, "{ \"maturity\": \"Mature\" }");

        var runs = new[]
        {
            PacRun.Of("card", path),
            PacRun.Of("card", path, "-j", "DE", "--format", "json"),
            PacRun.Of("schema", path, "-j", "EU"),
            PacRun.Of("resolve", path, "--prefs", prefs, "-j", "EU"),
            PacRun.Of("verify", path),
            PacRun.Of("diff", path, policies.QuickStart),
            PacRun.Of("diff", policies.QuickStart, path, "--format", "json"),
        };

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.False(File.Exists(marker), "pac ran code of the assembly it read.");

        // The marker code is real: running the assembly (as pac once did, for its Registry property) writes it.
        var context = new AssemblyLoadContext("running", isCollectible: true);
        try
        {
            var type = context.LoadFromAssemblyPath(path).GetType("QuickStart.Policies.LearnerPreferences", throwOnError: true)!;
            Assert.Throws<TargetInvocationException>(() => type.GetProperty("Registry")!.GetValue(null));
            Assert.True(File.Exists(marker));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Policy_data_of_a_newer_format_is_bad_input() =>
        AssertBadInput(
            PacRun.Of("card", DataOnly("NewerData", 99, "{}")),
            "NewerData.dll", "Forged.Prefs", "newer PolicyAsCode", "format 99", $"pac reads format {PolicyRegistryData.Format}");

    [Fact]
    public void Malformed_policy_data_is_bad_input_with_its_path()
    {
        AssertBadInput(PacRun.Of("card", DataOnly("NotJson", PolicyRegistryData.Format, "{\"name\":")), "NotJson.dll", "Forged.Prefs", "not valid JSON");
        AssertBadInput(PacRun.Of("schema", DataOnly("WrongShape", PolicyRegistryData.Format, "{\"name\":1}")), "WrongShape.dll", "policy data $", "misses the field");

        // Every field of real data, taken out one at a time or given a wrong type, is refused with its path.
        var data = RealData();
        var bound = data.IndexOf("\"form\":\"", StringComparison.Ordinal);
        AssertBadInput(PacRun.Of("card", DataOnly("BadForm", PolicyRegistryData.Format, data.Remove(bound + 8, 1).Insert(bound + 8, "Q"))), "$.bounds[0].form", "must name a BoundForm");
        var tier = data.IndexOf("\"tier\":0", StringComparison.Ordinal);
        AssertBadInput(PacRun.Of("card", DataOnly("BadTier", PolicyRegistryData.Format, data.Remove(tier + 7, 1).Insert(tier + 7, "77"))), "tier", "out of range");
        AssertBadInput(PacRun.Of("card", DataOnly("Extra", PolicyRegistryData.Format, data.Insert(1, "\"extra\":0,"))), "$ has a field", "\"extra\"");
    }

    [Fact]
    public void Policy_built_without_policy_data_is_bad_input_that_says_so() =>
        AssertBadInput(
            PacRun.Of("card", policies.Custom("OldPolicy", new Dictionary<string, string> { ["Old.cs"] = "namespace Old; public static class Refers { public static readonly System.Type Policy = typeof(PolicyAsCode.IUserTierPolicy<>); }" })),
            "OldPolicy.dll", "no policy data", "older PolicyAsCode");

    internal static void AssertBadInput(PacRun run, params string[] fragments)
    {
        Assert.True(run.ExitCode == PacApp.BadInput, run.ToString());
        Assert.Empty(run.Output);
        var line = run.Error.TrimEnd('\n');
        Assert.StartsWith("pac: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain("   at ", line);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        }
    }

    // The QuickStart with a module initialiser and a static constructor on the user tier: each writes the marker and throws.
    private static Dictionary<string, string> MarkerPolicy(string marker)
    {
        var sources = PolicyAssemblies.QuickStartSources().ToDictionary();
        var file = "@\"" + marker.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        sources["Hostile.cs"] = $$"""
            namespace QuickStart.Policies;

            internal static class Hostile
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void OnLoad()
                {
                    System.IO.File.AppendAllText({{file}}, "module initialiser\n");
                    throw new System.InvalidOperationException("the module initialiser ran");
                }
            }

            public partial record LearnerPreferences
            {
                static LearnerPreferences()
                {
                    System.IO.File.AppendAllText({{file}}, "static constructor\n");
                    throw new System.InvalidOperationException("the static constructor ran");
                }
            }
            """;
        return sources;
    }

    // An assembly whose only policy is forged data on a plain type (no generator output, no code that could run).
    private string DataOnly(string name, int format, string data) =>
        policies.Custom(name, new Dictionary<string, string>
        {
            ["Forged.cs"] = $"namespace Forged; [PolicyAsCode.Compiled.PolicyRegistryData({format}, {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(data, quote: true)})] public sealed class Prefs {{ }}",
        });

    private string RealData()
    {
        var entry = Assert.Single(PolicyMetadata.Read(policies.QuickStart, out _));
        return entry.Data;
    }

    private static void AssertDataIsTheRegistry(string path)
    {
        var read = LoadedPolicy.Load(path, null).Registry;
        var context = new AssemblyLoadContext("running", isCollectible: true);
        try
        {
            // ImmutableArray compares by reference, so the lists are compared as arrays, item by item (records compare by value).
            var built = (PolicyRegistry)context.LoadFromAssemblyPath(path).GetTypes()
                .Single(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(Compiled.PolicyRegistryDataAttribute)))
                .GetProperty("Registry")!.GetValue(null)!;

            Assert.Equal(built.Name, read.Name);
            Assert.Equal(built.Tiers.ToArray(), read.Tiers.ToArray());
            Assert.Equal(built.Jurisdictions.ToArray(), read.Jurisdictions.ToArray());
            Assert.Equal(built.Dimensions.ToArray(), read.Dimensions.ToArray());
            Assert.Equal(built.Bounds.ToArray(), read.Bounds.ToArray());
            Assert.Equal(built.Forbids.ToArray(), read.Forbids.ToArray());
            Assert.Equal(built.Waivers.ToArray(), read.Waivers.ToArray());
            Assert.Equal(built.Defaults.ToArray(), read.Defaults.ToArray());
            Assert.Equal(built.CustomHazards.ToArray(), read.CustomHazards.ToArray());
            Assert.Equal(built.NeverTogether.ToArray(), read.NeverTogether.ToArray());
            Assert.Equal(built.CustomBenefits.ToArray(), read.CustomBenefits.ToArray());
            Assert.Equal(built.CustomRisks.ToArray(), read.CustomRisks.ToArray());
            Assert.Equal(built.KnownHazards, read.KnownHazards);
        }
        finally
        {
            context.Unload();
        }
    }
}
