using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// Odd but valid C# shapes (issue 12): each is either generated into code that compiles, or blocked with an error the
/// generator reports itself and no configuration silences. Every case runs the generator and compiles its output.
/// </summary>
public sealed class OddShapeTests
{
    private const string Maturity = """
        using PolicyAsCode;

        namespace Odd;

        public enum Maturity
        {
            General,
            Teen,
            Mature,
        }

        """;

    // --- A. Errors that stop generation are visible and cannot be silenced ---

    [Fact]
    public void A_blocked_policy_is_reported_by_the_generator_even_when_its_id_is_configured_to_none()
    {
        var source = Maturity + """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public record Prefs
            {
                public Maturity Maturity { get; init; }
            }
            """;
        var options = new[] { "PAC0009", "PAC0003", "PAC0004", "PAC0005", "PAC0010", "PAC0013", "PAC0015", "PAC0016", "PAC0017", "PAC0018", "PAC0019", "PAC0020" }
            .ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
        var compilation = GeneratorHarness.Compile([new SourceFile("Odd.cs", source)]);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(options).WithGeneralDiagnosticOption(ReportDiagnostic.Suppress));

        var outcome = GeneratorHarness.Run(compilation);

        Assert.Empty(outcome.Result.GeneratedSources);
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0009", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("must be partial", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Odd.cs", error.Location.GetLineSpan().Path);
        Assert.Equal(19, error.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Every_generator_descriptor_is_an_unconfigurable_error_with_its_help_page()
    {
        var descriptors = GeneratorDiagnostics.All.ToList();
        Assert.Equal(["PAC0003", "PAC0004", "PAC0005", "PAC0009", "PAC0010", "PAC0013", "PAC0015", "PAC0016", "PAC0017", "PAC0018", "PAC0019", "PAC0020", "PAC0021", "PAC0022"], descriptors.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
            Assert.Equal(Descriptors.HelpRoot + descriptor.Id + ".md", descriptor.HelpLinkUri);

            // The title is the help page's heading, as the analysers' is.
            var page = File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", page[0]);
        }
    }

    [Fact]
    public void A_problem_shared_by_two_policies_is_reported_once()
    {
        var source = """
            using PolicyAsCode;

            [assembly: HazardCategory(Hazard.Hate, "X1", "Promotion of unlicensed gambling.")]

            namespace Odd;

            public enum Maturity
            {
                General,
                Teen,
            }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Other
            {
                public Maturity Maturity { get; init; }
            }
            """;
        var outcome = GeneratorHarness.Run([new SourceFile("Odd.cs", source)]);

        Assert.Empty(outcome.Result.GeneratedSources);
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0013", error.Id);
    }

    // --- B1. An ordinal ulong enum sorts by its unsigned value ---

    [Fact]
    public void Ulong_enum_members_are_ordered_as_unsigned_values()
    {
        var compilation = GeneratorHarness.Compile([new SourceFile("Huge.cs", HugeSource)]);
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var model = GeneratorHarness.Read(compilation, "Odd.Prefs");
        var huge = model.Dimensions.Single(d => d.Name == "Huge");
        Assert.Equal(["Zero", "One", "Top", "Max"], huge.Members.Select(m => m.Name));

        // AtMost(One) allows positions 0 and 1 (Zero, One) only: Top and Max lie above it.
        var bound = Assert.Single(model.Bounds, b => b.Dimension == huge.Index);
        Assert.Equal(0b11UL, bound.Bound.Ceiling);

        // The undefined value that stands for an unreadable one is no member, and lies in the ulong range between them.
        Assert.DoesNotContain(huge.UndefinedValue, huge.Members.Select(m => m.Value));
    }

    /// <summary>The policy of issue 12, B1 (also run by the evaluation tests).</summary>
    public const string HugeSource = """
        using PolicyAsCode;

        namespace Odd;

        public enum Huge : ulong { Zero = 0, One = 1, Top = 0x8000_0000_0000_0000, Max = ulong.MaxValue }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Huge.One)]
            public Huge Huge { get; init; }
        }

        [UserTier(Within = [typeof(EuLaw)])]
        public partial record Prefs
        {
            public Huge Huge { get; init; }
        }
        """;

    // --- B2. Generic tiers anywhere in the chain block the policy ---

    public static TheoryData<string, string> GenericTiers => new()
    {
        {
            "open generic law",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw<T>
            {
                [AtMost(3)]
                public int X { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw<>)])]
            public partial record Prefs
            {
                public int X { get; init; } = 4;
            }
            """
        },
        {
            "closed generic law",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw<T>
            {
                [AtMost(3)]
                public int X { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw<int>)])]
            public partial record Prefs
            {
                public int X { get; init; } = 4;
            }
            """
        },
        {
            "generic law above an organisation",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw<T>
            {
                [AtMost(3)]
                public int X { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw<>)])]
            public partial record Acme
            {
                [AtMost(10)]
                public int X { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int X { get; init; } = 4;
            }
            """
        },
        {
            "law nested in a generic type",
            """
            public static partial class Laws<T>
            {
                [ImmutableTier("EU")]
                public partial record EuLaw
                {
                    [AtMost(3)]
                    public int X { get; init; }
                }
            }

            [UserTier(Within = [typeof(Laws<>.EuLaw)])]
            public partial record Prefs
            {
                public int X { get; init; } = 4;
            }
            """
        },
        {
            "user tier nested in a generic type",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(3)]
                public int X { get; init; }
            }

            public static partial class Outer<T>
            {
                [UserTier(Within = [typeof(EuLaw)])]
                public partial record Prefs
                {
                    public int X { get; init; } = 2;
                }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(GenericTiers))]
    public void A_generic_tier_blocks_the_policy_visibly(string description, string tiers)
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Generic.cs", "using PolicyAsCode;\n\nnamespace Odd;\n\n" + tiers)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0009", error.Id);
        Assert.Contains("generic", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    // --- B3. A [HazardCategory] that cannot be used blocks every policy, with PAC0013 at the attribute ---

    public static TheoryData<string, string> BadCategories => new()
    {
        { "a shipped bit", "[assembly: HazardCategory(Hazard.Hate, \"X1\", \"Promotion of unlicensed gambling.\")]" },
        { "an undefined bit", "[assembly: HazardCategory((Hazard)(1UL << 50), \"X1\", \"Promotion of unlicensed gambling.\")]" },
        { "two custom bits", "[assembly: HazardCategory(Hazard.Custom1 | Hazard.Custom2, \"X1\", \"Promotion of unlicensed gambling.\")]" },
        { "no bit", "[assembly: HazardCategory(Hazard.None, \"X1\", \"Promotion of unlicensed gambling.\")]" },
        { "an empty code", "[assembly: HazardCategory(Hazard.Custom1, \"\", \"Promotion of unlicensed gambling.\")]" },
        { "a null code", "[assembly: HazardCategory(Hazard.Custom1, null!, \"Promotion of unlicensed gambling.\")]" },
        { "a null description", "[assembly: HazardCategory(Hazard.Custom1, \"X1\", null!)]" },
        { "a shipped code", "[assembly: HazardCategory(Hazard.Custom1, \"S10\", \"Promotion of unlicensed gambling.\")]" },
        { "a code taken by another category", "[assembly: HazardCategory(Hazard.Custom1, \"X1\", \"Gambling.\")]\n[assembly: HazardCategory(Hazard.Custom2, \"x1\", \"Betting.\")]" },
        { "a bit named twice", "[assembly: HazardCategory(Hazard.Custom1, \"X1\", \"Gambling.\")]\n[assembly: HazardCategory(Hazard.Custom1, \"X2\", \"Betting.\")]" },
    };

    [Theory]
    [MemberData(nameof(BadCategories))]
    public void A_bad_hazard_category_is_an_error_at_the_attribute_and_blocks_every_policy(string description, string attributes)
    {
        var source = "using PolicyAsCode;\n\n" + attributes + "\n\nnamespace Odd;\n\n" + Maturity.Replace("using PolicyAsCode;\n\nnamespace Odd;\n", string.Empty, StringComparison.Ordinal) + """
            [ImmutableTier("EU")]
            [Forbid(Hazard.Custom1)]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }
            }
            """;
        var outcome = GeneratorHarness.Run([new SourceFile("Categories.cs", source)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0013", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.StartsWith("HazardCategory", SourceAt(outcome, error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_hazard_category_is_generated_and_compiles()
    {
        var source = "using PolicyAsCode;\n\n[assembly: HazardCategory(Hazard.Custom1, \"X1\", \"Gambling.\")]\n[assembly: HazardCategory(Hazard.Custom8, \"X8\", \"Betting.\")]\n[assembly: HazardCategory(Hazard.Custom1, \"X1\", \"Gambling.\")]\n\n"
            + "namespace Odd;\n" + Maturity.Replace("using PolicyAsCode;\n\nnamespace Odd;\n", string.Empty, StringComparison.Ordinal) + """
            [ImmutableTier("EU")]
            [Forbid(Hazard.Custom1)]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }
            }
            """;
        var outcome = GeneratorHarness.Run([new SourceFile("Categories.cs", source)]);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Equal(2, outcome.Result.GeneratedSources.Length);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var text = outcome.Sources[0].Text;
        // The same category written twice is one.
        // The registry is data in the [PolicyRegistryData] attribute: each category as it holds it.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "\"code\":\"X1\",\"description\":\"Gambling\\.\""));
        Assert.Contains("\"code\":\"X8\",\"description\":\"Betting.\"", text, StringComparison.Ordinal);
    }

    // --- B4. A user-tier property with a non-public accessor ---

    public static TheoryData<string, string> HiddenAccessors => new()
    {
        { "private init", "public Maturity Maturity { get; private init; }" },
        { "private set", "public Maturity Maturity { get; private set; }" },
        { "private get", "public Maturity Maturity { private get; init; }" },
        { "protected init", "public Maturity Maturity { get; protected init; }" },
        { "internal init", "public Maturity Maturity { get; internal init; }" },
        { "private protected set", "public Maturity Maturity { get; private protected set; }" },
        { "protected internal get", "public Maturity Maturity { protected internal get; init; }" },
    };

    [Theory]
    [MemberData(nameof(HiddenAccessors))]
    public void A_dimension_with_a_non_public_accessor_is_pac0009_not_a_compile_error(string description, string property)
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Accessors.cs", Maturity + $$"""
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                {{property}}
            }
            """)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");

        // One problem, at the user tier's property: the law bounding the same name is not also PAC0004.
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0009", error.Id);
        Assert.Contains("Prefs.Maturity has a", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Maturity", SourceAt(outcome, error));
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id is "CS0271" or "CS0272");
    }

    [Fact]
    public void A_non_public_property_is_no_dimension_and_the_policy_compiles()
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Accessors.cs", Maturity + """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }

                internal int Internal { get; init; }

                private int Private { get; init; }

                public int ReadOnly { get; }

                public int Computed => Internal + Private;
            }
            """)]);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var text = outcome.Sources[0].Text;
        Assert.Contains("\"Maturity\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Internal\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ReadOnly\"", text, StringComparison.Ordinal);
    }

    // --- B5. Keywords used as names, reserved and contextual ---

    [Fact]
    public void Keywords_as_names_are_escaped_everywhere_the_generator_writes_them()
    {
        var source = """
            using PolicyAsCode;

            namespace @namespace.@record;

            public enum @enum
            {
                @default,
                @partial,
                @var,
            }

            public static partial class @async
            {
                [ImmutableTier("EU")]
                public partial record @operator
                {
                    [AtMost(@enum.@partial)]
                    public @enum @class { get; init; }

                    [Between(0, 30)]
                    public int @record { get; init; }
                }

                [OrganisationTier("acme", Within = [typeof(@operator)])]
                public partial record @file
                {
                    [AtMost(20)]
                    public int @record { get; init; } = 10;
                }

                [UserTier(Within = [typeof(@file)])]
                public partial record @partial
                {
                    public @enum @class { get; init; } = @enum.@default;

                    public int @record { get; init; } = 5;

                    public bool @value { get; init; }

                    public int @nameof { get; init; }

                    public double @dynamic { get; init; }

                    public bool @required { get; init; }
                }

                [UserTier(Within = [typeof(@operator)])]
                public partial record @record
                {
                    public bool @get { get; init; }

                    public @enum @class { get; init; }
                }
            }
            """;
        var outcome = GeneratorHarness.Run([new SourceFile("Keywords.cs", source)]);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Equal(4, outcome.Result.GeneratedSources.Length);
        var problems = GeneratorHarness.WarningsAndErrors(outcome.Output).Where(d => d.Id != "CS8981").ToList();
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));

        var prefs = outcome.Output.GetTypeByMetadataName("namespace.record.async+partial");
        Assert.NotNull(prefs);
        Assert.Contains(prefs!.AllInterfaces, i => i.Name == "IUserTierPolicy");
        Assert.Contains("partial record @partial", outcome.Sources.Single(s => s.HintName == "namespace.record.async.partial.Policy.g.cs").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("namespace Odd { public sealed class @var { } }")]
    [InlineData("public sealed class @var { }")]
    [InlineData("namespace Odd { public static partial class Outer { public sealed class @var { } } }")]
    public void A_type_named_var_where_the_evaluator_is_written_is_pac0009(string declaration)
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Var.cs", """
            using PolicyAsCode;

            namespace Odd
            {
                [ImmutableTier("EU")]
                public partial record EuLaw
                {
                    [AtMost(3)]
                    public int X { get; init; }
                }

                public static partial class Outer
                {
                    [UserTier(Within = [typeof(EuLaw)])]
                    public partial record Prefs
                    {
                        public int X { get; init; }
                    }
                }
            }
            """), new SourceFile("VarType.cs", declaration)]);

        Assert.Empty(outcome.Result.GeneratedSources);
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0009", error.Id);
        Assert.Contains("'var'", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // --- B6. Primary-constructor parameters on a tier record ---

    public static TheoryData<string, string> PrimaryConstructors => new()
    {
        {
            "user tier with a parameter and a parameterless constructor",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(9)]
                public int X { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs(int X)
            {
                public Prefs() : this(7) { }
            }
            """
        },
        {
            "organisation with a defaulted parameter",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(9)]
                public int X { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme(int X = 3);

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int X { get; init; }
            }
            """
        },
        {
            "law with a parameter carrying its bound",
            """
            [ImmutableTier("EU")]
            public partial record EuLaw([property: AtMost(9)] int X);

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public int X { get; init; }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(PrimaryConstructors))]
    public void A_tier_record_with_primary_constructor_parameters_is_pac0009(string description, string tiers)
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Primary.cs", "using PolicyAsCode;\n\nnamespace Odd;\n\n" + tiers)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        Assert.Contains(outcome.DriverDiagnostics, d => d.Id == "PAC0009" && d.GetMessage(CultureInfo.InvariantCulture).Contains("primary-constructor parameters", StringComparison.Ordinal));
        Assert.All(outcome.DriverDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.StartsWith("(", SourceAt(outcome, outcome.DriverDiagnostics.First(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("primary-constructor", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_parameter_list_is_no_primary_constructor_parameter()
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Primary.cs", Maturity + """
            [ImmutableTier("EU")]
            public partial record EuLaw()
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs()
            {
                public Maturity Maturity { get; init; }
            }
            """)]);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Equal(2, outcome.Result.GeneratedSources.Length);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
    }

    /// <summary>The source text a generator diagnostic points at (its location is the file and span the model kept).</summary>
    private static string SourceAt(GeneratorOutcome outcome, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = outcome.Output.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
