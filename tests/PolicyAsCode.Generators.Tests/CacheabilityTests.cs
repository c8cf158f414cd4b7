using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// The incremental pipeline caches: an edit that does not touch a policy reuses every tracked step and output,
/// an edit of a bound recomputes them, and no tracked step holds a symbol, syntax node, semantic model or compilation.
/// </summary>
public sealed class CacheabilityTests
{
    private const string UnrelatedPath = "Unrelated.cs";

    private const string Unrelated = """
        namespace QuickStart.Other;

        public static class Greeter
        {
            public static string Greet(string name) => "Hello, " + name;
        }
        """;

    private const string UnrelatedEdited = """
        namespace QuickStart.Other;

        public static class Greeter
        {
            public static string Greet(string name) => "Hello, " + name;

            public static string Farewell(string name) => "Goodbye, " + name;
        }
        """;

    /// <summary>Every tracking name the generator declares, read from <see cref="TrackingNames"/> so a new one is covered too.</summary>
    private static readonly string[] TrackedStepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly Type[] ForbiddenTypes = [typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(Compilation), typeof(SyntaxTree)];

    [Fact]
    public void Tracking_names_cover_both_pipeline_steps()
    {
        Assert.Equal(["EmittablePolicies", "Policies"], TrackedStepNames.Order(StringComparer.Ordinal));
    }

    /// <summary>The policies the pipeline is checked on: every snapshot case (the QuickStart, laws within laws, a project's own taxonomy, ...).</summary>
    public static TheoryData<string> Policies => SnapshotTests.Cases;

    private static IReadOnlyList<SourceFile> SourcesOf(string policy) => SnapshotTests.PolicyCases[policy].Sources();

    [Theory]
    [MemberData(nameof(Policies))]
    public void Unrelated_edit_leaves_every_step_and_output_cached(string policy)
    {
        var sources = SourcesOf(policy).Append(new SourceFile(UnrelatedPath, Unrelated));
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == UnrelatedPath);
        var edited = compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(new SourceFile(UnrelatedPath, UnrelatedEdited)));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        foreach (var name in TrackedStepNames)
        {
            var steps = TrackedSteps(second, name);
            foreach (var (step, output) in steps.SelectMany(s => s.Outputs.Select(o => (s, o))))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} ({step.Name}) output {output.Value} was {output.Reason} after an unrelated edit");
            }
        }

        var sourceOutputs = second.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"a source output was {o.Reason} after an unrelated edit"));

        // The same text, without re-emitting it.
        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Blank_line_above_a_tier_re_emits_nothing(string policy)
    {
        var sources = SourcesOf(policy).ToList();
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        // A blank line above the first tier moves it, and everything after it in the file, one line down.
        var file = sources.First(s => TierAttribute(s.Text) >= 0);
        var at = file.Text.LastIndexOf('\n', TierAttribute(file.Text)) + 1;
        var moved = file with { Text = file.Text.Insert(at, "\n") };
        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == file.Path);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(moved)));
        var second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);

        // The read model keeps locations for diagnostics, so it changed; the model the outputs get did not.
        Assert.Contains(TrackedSteps(second, TrackingNames.Policies).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var emittable = TrackedSteps(second, TrackingNames.EmittablePolicies).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(emittable);
        Assert.All(emittable, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"the emission model was {o.Reason} after a blank line above a tier"));

        var sourceOutputs = second.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"a source output was {o.Reason} after a blank line above a tier"));
        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_emission_model_holds_no_location_or_problem(string policy)
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(SourcesOf(policy)));
        var result = driver.GetRunResult().Results.Single();

        var models = TrackedSteps(result, TrackingNames.EmittablePolicies).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            var (values, found) = Find(model, v => v is SourceLocation or PolicyProblem);
            Assert.True(found.Count == 0, $"the emission model holds {string.Join(", ", found.Select(f => f.GetType().Name))}");
            Assert.True(values > 100, $"only {values} values were walked");
        }

        // The read model does hold them: the walk would see one.
        var read = TrackedSteps(result, TrackingNames.Policies).SelectMany(s => s.Outputs).Select(o => o.Value).First(v => v is not null);
        Assert.NotEmpty(Find(read, v => v is SourceLocation).Found);
    }

    private static int TierAttribute(string text)
    {
        var at = new[] { "[ImmutableTier", "[OrganisationTier", "[UserTier" }.Select(a => text.IndexOf(a, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return at;
    }

    // Every value reachable through public properties and enumerable items that matches.
    private static (int Values, List<object> Found) Find(object? root, Func<object, bool> match)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var found = new List<object>();
        var count = 0;
        Walk(root);
        return (count, found);

        void Walk(object? value)
        {
            if (value is null)
            {
                return;
            }

            count++;
            if (match(value))
            {
                found.Add(value);
            }

            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type || (!type.IsValueType && !visited.Add(value)))
            {
                return;
            }

            if (value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    Walk(item);
                }
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length == 0)
                {
                    Walk(property.GetValue(value));
                }
            }
        }
    }

    [Fact]
    public void Editing_a_bound_recomputes_the_policy_and_its_output()
    {
        var sources = QuickStart.Sources().Append(new SourceFile(UnrelatedPath, Unrelated)).ToList();
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var organisation = sources.Single(s => s.Path.EndsWith("ContosoLearning.cs", StringComparison.Ordinal));
        const string Before = "[AtMost(14, Reason = \"lessons need two weeks of context at most\")]";
        const string After = "[AtMost(7, Reason = \"lessons need two weeks of context at most\")]";
        Assert.Contains(Before, organisation.Text, StringComparison.Ordinal);
        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == organisation.Path);
        var edited = compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(organisation with { Text = organisation.Text.Replace(Before, After, StringComparison.Ordinal) }));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        foreach (var name in TrackedStepNames)
        {
            var outputs = TrackedSteps(second, name).SelectMany(s => s.Outputs).ToList();
            Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        }

        var sourceOutputs = second.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);

        var before = first.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var after = second.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("\"AtMost(14)\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AtMost(14)\"", after, StringComparison.Ordinal);
        Assert.Contains("\"AtMost(7)\"", after, StringComparison.Ordinal);
        // The registry is data in the [PolicyRegistryData] attribute: the edited bound as it holds it.
        Assert.Contains("{\"kind\":\"Integer\",\"lo\":-2147483648,\"hi\":7,", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_national_law_recomputes_the_policy_and_its_output()
    {
        var sources = Infrastructure.Policies.NestedLaws.Append(new SourceFile(UnrelatedPath, Unrelated)).ToList();
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var laws = sources.Single(s => s.Path == "Laws.cs");
        const string Before = "[Between(0, 14, Reason = \"German storage limit\")]";
        const string After = "[Between(0, 10, Reason = \"German storage limit\")]";
        Assert.Contains(Before, laws.Text, StringComparison.Ordinal);
        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == laws.Path);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(laws with { Text = laws.Text.Replace(Before, After, StringComparison.Ordinal) })));
        var second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        foreach (var name in TrackedStepNames)
        {
            Assert.Contains(TrackedSteps(second, name).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        }

        var before = first.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var after = second.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("IntegerBound(0d, 14d)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("IntegerBound(0d, 14d)", after, StringComparison.Ordinal);
        Assert.Contains("(!scope.DeLawApplies || (value0 >= 0 && value0 <= 10))", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_custom_benefit_recomputes_the_policy_and_its_output()
    {
        // The declaration is an assembly attribute in a file of its own, outside any tier: editing it must still reach the policy.
        var sources = Infrastructure.Policies.CustomTaxonomy.Append(new SourceFile(UnrelatedPath, Unrelated)).ToList();
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var taxonomy = sources.Single(s => s.Path == "Taxonomy.cs");
        const string Before = "\"Civic trust\"";
        const string After = "\"Trust in public information\"";
        Assert.Contains(Before, taxonomy.Text, StringComparison.Ordinal);
        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == taxonomy.Path);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(taxonomy with { Text = taxonomy.Text.Replace(Before, After, StringComparison.Ordinal) })));
        var second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        foreach (var name in TrackedStepNames)
        {
            Assert.Contains(TrackedSteps(second, name).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        }

        var before = first.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var after = second.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(Before, before, StringComparison.Ordinal);
        Assert.DoesNotContain(Before, after, StringComparison.Ordinal);
        Assert.Contains(After, after, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Tracked_steps_hold_no_symbols_syntax_or_compilations(string policy)
    {
        var sources = SourcesOf(policy).Append(new SourceFile(UnrelatedPath, Unrelated));
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == UnrelatedPath);
        var second = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, GeneratorHarness.Parse(new SourceFile(UnrelatedPath, UnrelatedEdited))));

        var walked = 0;
        foreach (var run in new[] { driver.GetRunResult(), second.GetRunResult() })
        {
            var result = run.Results.Single();
            foreach (var name in TrackedStepNames)
            {
                foreach (var step in TrackedSteps(result, name))
                {
                    foreach (var (value, _) in step.Outputs)
                    {
                        walked += AssertHoldsNoRoslynObjects(value, $"{name} output");
                    }
                }
            }
        }

        // The walk reached into the model (tiers, dimensions, bounds…), not just the top-level record.
        Assert.True(walked > 100, $"only {walked} values were walked");
    }

    [Fact]
    public void The_walk_would_catch_a_symbol()
    {
        var compilation = GeneratorHarness.Compile(QuickStart.Sources());
        var symbol = compilation.GetTypeByMetadataName(QuickStart.UserTier)!;

        Assert.ThrowsAny<Exception>(() => AssertHoldsNoRoslynObjects(new { Nested = new[] { (object)symbol } }, "probe"));
        Assert.ThrowsAny<Exception>(() => AssertHoldsNoRoslynObjects(ImmutableArray.Create<object>(compilation), "probe"));
    }

    private static ImmutableArray<IncrementalGeneratorRunStep> TrackedSteps(GeneratorRunResult result, string name)
    {
        Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"no tracked step is named {name}");
        Assert.NotEmpty(steps);
        return steps;
    }

    /// <summary>Walks a value's public properties and enumerable items; fails on a Roslyn object. Returns how many values it visited.</summary>
    private static int AssertHoldsNoRoslynObjects(object? root, string path)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;
        Walk(root, path);
        return count;

        void Walk(object? value, string at)
        {
            if (value is null)
            {
                return;
            }

            count++;
            var type = value.GetType();
            foreach (var forbidden in ForbiddenTypes)
            {
                Assert.False(forbidden.IsInstanceOfType(value), $"{at} is a {forbidden.Name} ({type.Name})");
            }

            if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type)
            {
                return;
            }

            if (!type.IsValueType && !visited.Add(value))
            {
                return;
            }

            // Structurally too: no field of the type, whatever its visibility, is declared as a Roslyn object.
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    foreach (var forbidden in ForbiddenTypes)
                    {
                        Assert.False(forbidden.IsAssignableFrom(field.FieldType) || IsSequenceOf(field.FieldType, forbidden), $"{at}: field {t.Name}.{field.Name} is declared as {field.FieldType.Name}");
                    }
                }
            }

            if (value is IEnumerable items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{at}[{i++}]");
                }
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                Walk(property.GetValue(value), $"{at}.{property.Name}");
            }
        }
    }

    private static bool IsSequenceOf(Type type, Type element) =>
        (type.IsArray && element.IsAssignableFrom(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => element.IsAssignableFrom(a)));
}
