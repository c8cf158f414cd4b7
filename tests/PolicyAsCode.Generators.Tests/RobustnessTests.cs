using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// Policies with structural problems: the generator does not throw, emits nothing rather than something misleading,
/// and says why (each blocking problem, under its diagnostic id, as an error no configuration can silence), so a
/// build without the analysers still fails visibly; the model names the problem under its diagnostic id.
/// </summary>
public sealed class RobustnessTests
{
    private const string Header = """
        using PolicyAsCode;

        namespace Broken;

        public enum Maturity
        {
            General,
            Teen,
            Mature,
        }

        public enum Tone
        {
            Neutral,
            Playful,
        }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [Between(0, 30)]
            public int MemoryDays { get; init; }
        }

        """;

    private const string Prefs = """

        [UserTier(Within = [typeof(Org)])]
        public partial record Prefs
        {
            public Maturity Maturity { get; init; }

            public int MemoryDays { get; init; }
        }
        """;

    private const string Org = """

        [OrganisationTier("org", Within = [typeof(EuLaw)])]
        public partial record Org
        {
        }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "missing Within target",
            "PAC0003",
            Header + """

                [UserTier(Within = [typeof(DoesNotExist)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }
                }
                """
        },
        {
            "Within a type that is not a tier",
            "PAC0003",
            Header + """

                public sealed class NotATier
                {
                }

                [UserTier(Within = [typeof(NotATier)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }
                }
                """
        },
        {
            "organisation within an organisation",
            "PAC0003",
            Header + Prefs + """

                [OrganisationTier("parent", Within = [typeof(EuLaw)])]
                public partial record Parent
                {
                }

                [OrganisationTier("org", Within = [typeof(Parent)])]
                public partial record Org
                {
                }
                """
        },
        {
            "user tier within itself",
            "PAC0003",
            """
                using PolicyAsCode;

                namespace Broken;

                [ImmutableTier("EU")]
                public partial record EuLaw
                {
                    [Between(0, 30)]
                    public int MemoryDays { get; init; }
                }

                [UserTier(Within = [typeof(EuLaw), typeof(Prefs)])]
                public partial record Prefs
                {
                    public int MemoryDays { get; init; }
                }
                """
        },
        {
            "laws within each other (a cycle)",
            "PAC0003",
            """
                using PolicyAsCode;

                namespace Broken;

                [ImmutableTier("EU", Within = [typeof(DeLaw)])]
                public partial record EuLaw
                {
                    [Between(0, 30)]
                    public int MemoryDays { get; init; }
                }

                [ImmutableTier("DE", Within = [typeof(EuLaw)])]
                public partial record DeLaw
                {
                    [Between(0, 14)]
                    public int MemoryDays { get; init; }
                }

                [UserTier(Within = [typeof(DeLaw)])]
                public partial record Prefs
                {
                    public int MemoryDays { get; init; }
                }
                """
        },
        {
            "law within itself",
            "PAC0003",
            """
                using PolicyAsCode;

                namespace Broken;

                [ImmutableTier("EU", Within = [typeof(EuLaw)])]
                public partial record EuLaw
                {
                    [Between(0, 30)]
                    public int MemoryDays { get; init; }
                }

                [UserTier(Within = [typeof(EuLaw)])]
                public partial record Prefs
                {
                    public int MemoryDays { get; init; }
                }
                """
        },
        {
            "law within an organisation",
            "PAC0003",
            Header + Org + """

                [ImmutableTier("DE", Within = [typeof(Org)])]
                public partial record DeLaw
                {
                    [Between(0, 14)]
                    public int MemoryDays { get; init; }
                }

                [UserTier(Within = [typeof(Org), typeof(DeLaw)])]
                public partial record Prefs
                {
                    public int MemoryDays { get; init; }
                }
                """
        },
        {
            "user tier that is not partial",
            "PAC0009",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public record Prefs
                {
                    public Maturity Maturity { get; init; }
                }
                """
        },
        {
            "user tier nested in a non-partial class",
            "PAC0009",
            Header + Org + """

                public static class Outer
                {
                    [UserTier(Within = [typeof(Org)])]
                    public partial record Prefs
                    {
                        public Maturity Maturity { get; init; }
                    }
                }
                """
        },
        {
            "property type differs between tiers",
            "PAC0004",
            Header + Prefs + """

                [OrganisationTier("org", Within = [typeof(EuLaw)])]
                public partial record Org
                {
                    [AtMost(3)]
                    public int Maturity { get; init; }
                }
                """
        },
        {
            "bound value of the wrong type",
            "PAC0005",
            Header + Prefs + """

                [OrganisationTier("org", Within = [typeof(EuLaw)])]
                public partial record Org
                {
                    [AtMost(Tone.Playful)]
                    public Maturity Maturity { get; init; }
                }
                """
        },
        {
            "string bound on an integer dimension",
            "PAC0005",
            Header + Prefs + """

                [OrganisationTier("org", Within = [typeof(EuLaw)])]
                public partial record Org
                {
                    [AtMost("ten")]
                    public int MemoryDays { get; init; }
                }
                """
        },
        {
            "non-constant tier default",
            "PAC0005",
            Header + Prefs + """

                [OrganisationTier("org", Within = [typeof(EuLaw)])]
                public partial record Org
                {
                    public int MemoryDays { get; init; } = System.Environment.ProcessorCount;
                }
                """
        },
        {
            "non-constant user default",
            "PAC0005",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public int MemoryDays { get; init; } = System.DateTime.Now.Day;
                }
                """
        },
        {
            "required member on the user tier",
            "PAC0009",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public required Maturity Maturity { get; init; }
                }
                """
        },
        {
            "user tier member named like a generated member",
            "PAC0019",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }

                    public int Registry { get; init; }
                }
                """
        },
        {
            "a user-tier member named like the generated JSON reader",
            "PAC0019",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }

                    public int ReadPreferences { get; init; }
                }
                """
        },
        {
            "two dimensions with one JSON name",
            "PAC0020",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }

                    public bool Tone { get; init; }

                    public int tone { get; init; }
                }
                """
        },
        {
            "a nested type named like the generated JSON schema",
            "PAC0019",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }

                    public sealed class PreferencesJsonSchema { }
                }
                """
        },
        {
            "unsupported property type",
            "PAC0016",
            Header + Org + """

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    public Maturity Maturity { get; init; }

                    public System.DateTime Since { get; init; }
                }
                """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_policy_emits_nothing_and_reports_its_problem(string description, string expectedId, string source)
    {
        var compilation = GeneratorHarness.Compile([new SourceFile("Broken.cs", source)]);
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.Result.GeneratedSources);

        // The generator reports exactly the model's blocking problems, each once, as errors that cannot be configured.
        var model = GeneratorHarness.Read(compilation, UserTierName(source));
        var reported = outcome.Result.Diagnostics;
        Assert.Equal(
            model.Problems.Where(p => p.BlocksEmission).Select(p => (p.Id, p.Message)).Distinct().OrderBy(p => p.Id + p.Message, StringComparer.Ordinal),
            reported.Select(d => (d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).OrderBy(p => p.Id + p.Item2, StringComparer.Ordinal));
        Assert.Contains(reported, d => d.Id == expectedId);
        Assert.All(reported, d =>
        {
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
            Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.NotConfigurable, d.Descriptor.CustomTags);
            Assert.Equal($"https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/{d.Id}.md", d.Descriptor.HelpLinkUri);
            Assert.NotEqual(Microsoft.CodeAnalysis.Location.None, d.Location);
        });
        Assert.Equal(reported.Length, outcome.DriverDiagnostics.Length);

        // Nothing the generator did shows up in the compilation either (no CS8785 "generator failed").
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id is "CS8784" or "CS8785");

        Assert.False(model.CanEmit, $"{description}: the model may be emitted");
        var problems = string.Join("; ", model.Problems.Select(p => $"{p.Id} {p.Message}"));
        Assert.True(
            model.Problems.Any(p => p.Id == expectedId && p.BlocksEmission),
            $"{description}: expected a blocking {expectedId}, got: {problems}");
        Assert.All(model.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Repeated_user_tier_attribute_emits_once_without_failing()
    {
        // [UserTier] on two partial declarations is a compiler error (CS0579); the generator must not add the same hint
        // name twice, which would throw and drop the output of every policy in the project (CS8785).
        var outcome = GeneratorHarness.Run([new SourceFile("Repeated.cs", Header + Org + """

            [UserTier(Within = [typeof(Org)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Org)])]
            public partial record Prefs
            {
            }
            """)]);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Equal(["Broken.Prefs.Policy.g.cs", "Broken.Prefs.PreferencesJson.g.cs"], outcome.Sources.Select(s => s.HintName));
        Assert.Equal(["CS0579"], GeneratorHarness.WarningsAndErrors(outcome.Output).Select(d => d.Id));
    }

    [Theory]
    [InlineData("Broken.?Inner", "Maturity")]
    [InlineData("Broken.", "Maturity")]
    [InlineData("Broken", "?")]
    public void A_namespace_or_property_with_a_missing_name_emits_nothing_unparsable(string ns, string property)
    {
        // Found by the mutation test: "namespace QuickStart.?Showcase;" made the generator write "namespace QuickStart.",
        // which does not parse. The compiler reports the syntax error; the generator adds nothing that cannot parse.
        var source = Header.Replace("namespace Broken;", $"namespace {ns};", StringComparison.Ordinal) + Org + """

            [UserTier(Within = [typeof(Org)])]
            public partial record Prefs
            {
                public Maturity PROPERTY { get; init; }
            }
            """.Replace("PROPERTY", property, StringComparison.Ordinal);
        var outcome = GeneratorHarness.Run([new SourceFile("Missing.cs", source)]);

        Assert.Null(outcome.Result.Exception);
        foreach (var (hint, text) in outcome.Sources)
        {
            var tree = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions);
            Assert.True(!tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), $"{hint} does not parse:\n{text}");
        }

        Assert.DoesNotContain(outcome.Sources, s => s.HintName.Contains("Prefs", StringComparison.Ordinal) && ns.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_policy_does_not_stop_another_policys_output()
    {
        var broken = new SourceFile("Broken.cs", Header + Org + """

            [UserTier(Within = [typeof(Org)])]
            public record Prefs
            {
                public Maturity Maturity { get; init; }
            }
            """);
        var outcome = GeneratorHarness.Run([broken, .. Policies.Minimal]);

        Assert.Null(outcome.Result.Exception);
        Assert.Equal(["PAC0009"], outcome.DriverDiagnostics.Select(d => d.Id));
        Assert.Equal(["Minimal.Prefs.Policy.g.cs", "Minimal.Prefs.PreferencesJson.g.cs"], outcome.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void Contradiction_across_tiers_still_emits()
    {
        // Each tier's bound is sound on its own; only their intersection is empty. The evaluator fails closed at run time.
        var compilation = GeneratorHarness.Compile(Policies.Contradiction);
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Equal(["Contradiction.Prefs.Policy.g.cs", "Contradiction.Prefs.PreferencesJson.g.cs"], outcome.Result.GeneratedSources.Select(s => s.HintName));
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));

        var model = GeneratorHarness.Read(compilation, "Contradiction.Prefs");
        Assert.True(model.CanEmit);
        Assert.DoesNotContain(model.Problems, p => p.BlocksEmission);

        // The two tiers' bounds on Maturity really are disjoint.
        var maturity = model.Bounds.Where(b => b.Dimension == 0).Select(b => b.Bound).ToList();
        Assert.Equal(2, maturity.Count);
        Assert.True(Lattice.IsEmpty(Lattice.Intersect(maturity[0], maturity[1])));

        // The generated resolver records the contradiction rather than choosing a value outside a bound.
        var text = outcome.Result.GeneratedSources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("global::PolicyAsCode.AdjustmentCause.Contradiction", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_survives_a_compilation_without_the_runtime_library()
    {
        // Without PolicyAsCode.dll no attribute resolves, so nothing is a tier: the generator stays silent.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoRuntime",
            [GeneratorHarness.Parse(new SourceFile("Prefs.cs", "[PolicyAsCode.UserTier] public partial record Prefs { public int Days { get; init; } }"))],
            Basic.Reference.Assemblies.Net100.References.All);
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(outcome.Result.GeneratedSources);
    }

    private static string UserTierName(string source) =>
        source.Contains("public static class Outer", StringComparison.Ordinal) ? "Broken.Outer+Prefs" : "Broken.Prefs";
}
