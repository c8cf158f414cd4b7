using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// Issue 12: an error that stops the generator cannot be configured away, and the odd shapes that used to slip past
/// the analysers (a generic law, a [HazardCategory] outside any tier, a dimension with a private accessor, a tier with
/// primary-constructor parameters) are reported.
/// </summary>
public sealed class BlockingDiagnosticTests
{
    private static readonly string[] BlockingIds = ["PAC0003", "PAC0004", "PAC0005", "PAC0009", "PAC0010", "PAC0013", "PAC0015", "PAC0016", "PAC0017", "PAC0018", "PAC0019", "PAC0020"];

    [Fact]
    public void Descriptors_of_blocking_problems_are_not_configurable_and_the_others_are()
    {
        foreach (var descriptor in Descriptors.All)
        {
            var blocking = descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable);
            Assert.True(BlockingIds.Contains(descriptor.Id) == blocking, $"{descriptor.Id} ({descriptor.Title}) NotConfigurable: {blocking}");
            if (blocking)
            {
                Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            }
        }

        Assert.Equal(BlockingIds.Length, Descriptors.All.Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable)).Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_its_help_page_release_entry_and_severity_section()
    {
        var root = Sources.RepoRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "analyzers", "PolicyAsCode.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal(Descriptors.HelpRoot + descriptor.Id + ".md", descriptor.HelpLinkUri);
            var page = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}\n", page.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", unshipped, StringComparison.Ordinal);
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, StringComparison.Ordinal);

            // A page never shows how to silence an error that cannot be silenced.
            if (BlockingIds.Contains(descriptor.Id))
            {
                Assert.DoesNotContain("Changing its severity", page, StringComparison.Ordinal);
                Assert.DoesNotContain($"dotnet_diagnostic.{descriptor.Id}.severity", page, StringComparison.Ordinal);
                Assert.Contains("## Its severity cannot be changed", page, StringComparison.Ordinal);
            }
        }
    }

    private const string NotPartial = """
        using PolicyAsCode;

        namespace Blocking;

        public enum Maturity { General, Teen, Mature }

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

    [Theory]
    [InlineData(ReportDiagnostic.Suppress)]
    [InlineData(ReportDiagnostic.Hidden)]
    [InlineData(ReportDiagnostic.Info)]
    [InlineData(ReportDiagnostic.Warn)]
    public async Task A_blocking_error_configured_to_a_lower_severity_is_still_an_error(ReportDiagnostic configured)
    {
        // What `dotnet_diagnostic.PAC0009.severity = none` (or <NoWarn>) does: a specific diagnostic option.
        var diagnostics = await AnalyseAsync(NotPartial, new Dictionary<string, ReportDiagnostic> { ["PAC0009"] = configured });

        var error = Assert.Single(diagnostics, d => d.Id == "PAC0009");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("must be partial", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocking_error_survives_a_general_suppression_too()
    {
        var diagnostics = await AnalyseAsync(NotPartial, new Dictionary<string, ReportDiagnostic>(), ReportDiagnostic.Suppress);

        Assert.Contains(diagnostics, d => d.Id == "PAC0009" && d.Severity == DiagnosticSeverity.Error);
    }

    private const string Pac0004Forms = """
        using PolicyAsCode;

        namespace Blocking;

        public enum Maturity { General, Teen, Mature }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [AtMost(30)]
            public int NoSuchDimension { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
            [AtMost(3)]
            public int Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            public Maturity Maturity { get; init; }
        }
        """;

    [Fact]
    public async Task Neither_form_of_pac0004_can_be_silenced()
    {
        var silenced = await AnalyseAsync(Pac0004Forms, new Dictionary<string, ReportDiagnostic> { ["PAC0004"] = ReportDiagnostic.Suppress });

        var errors = silenced.Where(d => d.Id == "PAC0004").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Contains(errors, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("has type int but dimension Maturity", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("NoSuchDimension is bounded but matches no dimension", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hazard.Hate, \"X1\", \"Promotion of unlicensed gambling.\"", "not 0x")]
    [InlineData("(Hazard)(1UL << 50), \"X1\", \"Promotion of unlicensed gambling.\"", "not 0x")]
    [InlineData("Hazard.Custom1, \"S10\", \"Promotion of unlicensed gambling.\"", "shipped categories' codes")]
    [InlineData("Hazard.Custom1, \"\", \"Promotion of unlicensed gambling.\"", "needs a code")]
    public async Task A_bad_hazard_category_is_reported_at_the_assembly_attribute_even_when_configured_off(string arguments, string expected)
    {
        var source = $$"""
            using PolicyAsCode;

            [assembly: HazardCategory({{arguments}})]

            namespace Blocking;

            public enum Maturity { General, Teen, Mature }

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
        var diagnostics = await AnalyseAsync(source, new Dictionary<string, ReportDiagnostic> { ["PAC0013"] = ReportDiagnostic.Suppress });

        // Once, though both policies read it, at the attribute.
        var error = Assert.Single(diagnostics, d => d.Id == "PAC0013");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.StartsWith("HazardCategory(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generic_law_is_pac0009_once()
    {
        var diagnostics = await AnalyseAsync("""
            using PolicyAsCode;

            namespace Blocking;

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
            """);

        var error = Assert.Single(diagnostics, d => d.Id == "PAC0009");
        Assert.Contains("EuLaw must not be generic", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("EuLaw", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Theory]
    [InlineData("get; private init;", "private init")]
    [InlineData("private get; init;", "private get")]
    [InlineData("get; protected set;", "protected set")]
    [InlineData("get; internal init;", "internal init")]
    public async Task A_dimension_with_a_non_public_accessor_is_pac0009_and_the_law_is_not_pac0004(string accessors, string described)
    {
        var diagnostics = await AnalyseAsync($$"""
            using PolicyAsCode;

            namespace Blocking;

            public enum Maturity { General, Teen, Mature }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { {{accessors}} }
            }
            """);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PAC0009", error.Id);
        Assert.Contains($"has a {described} accessor", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PAC0004");
    }

    [Theory]
    [InlineData("[UserTier(Within = [typeof(EuLaw)])] public partial record Prefs(int X) { public Prefs() : this(7) { } }", "Prefs")]
    [InlineData("[OrganisationTier(\"acme\", Within = [typeof(EuLaw)])] public partial record Acme(int X = 3); [UserTier(Within = [typeof(Acme)])] public partial record Prefs { public int X { get; init; } }", "Acme")]
    public async Task A_tier_with_primary_constructor_parameters_is_pac0009(string tiers, string tier)
    {
        var diagnostics = await AnalyseAsync("""
            using PolicyAsCode;

            namespace Blocking;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(9)]
                public int X { get; init; }
            }

            """ + tiers);

        var error = Assert.Single(diagnostics, d => d.Id == "PAC0009");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal($"{tier} must not have primary-constructor parameters: write each as an init-only property, with its default as an initialiser", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>The analyser's diagnostics through <see cref="CompilationWithAnalyzers"/>, with the options a build's configuration would give.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> AnalyseAsync(string source, Dictionary<string, ReportDiagnostic>? specific = null, ReportDiagnostic general = ReportDiagnostic.Default)
    {
        var compilation = CSharpCompilation.Create(
            "Blocking",
            [CSharpSyntaxTree.ParseText(source, Direct.ParseOptions, "/blocking/Policy.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(specific ?? [])
                .WithGeneralDiagnosticOption(general));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([new PolicyAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return diagnostics;
    }
}
