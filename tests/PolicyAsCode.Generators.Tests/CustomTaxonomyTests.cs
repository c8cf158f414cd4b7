using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// Issue 16: a project's own benefits and risks. [BenefitCategory] and [RiskCategory] are read into the model and the
/// registry; one that cannot be used, or a link to a custom member nothing declares, is PAC0015, which the generator
/// reports itself and which blocks every policy of the assembly.
/// </summary>
public sealed class CustomTaxonomyTests
{
    private const string Policy = """

        namespace Civic;

        [ImmutableTier("EU")]
        public partial record CivicLaw
        {
            [AtMost(10)]
            public int NewsPerDay { get; init; }
        }

        [UserTier(Within = [typeof(CivicLaw)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public int NewsPerDay { get; init; } = 5;
        }
        """;

    private const string Good = "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"People trust public information.\")]";

    public static TheoryData<string, string, string> BadDeclarations => new()
    {
        { "a shipped member", "[assembly: BenefitCategory(Benefit.Pluralism, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "must name one of Benefit.Custom1 to Benefit.Custom8, not 1003" },
        { "an undefined member", "[assembly: RiskCategory((Risk)9009, \"risk.societal.x\", TaxonomyLevel.Societal, \"X\", \"X.\")]", "must name one of Risk.Custom1 to Risk.Custom8, not 9009" },
        { "an undefined level", "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.civic-trust\", (TaxonomyLevel)2, \"Civic trust\", \"Trust.\")]", "needs a level" },
        { "an id of another level", "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.individual.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "of the form \"benefit.societal.slug\"" },
        { "an id of another kind", "[assembly: RiskCategory(Risk.Custom1, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "of the form \"risk.societal.slug\"" },
        { "an id with capitals", "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.Civic-Trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "lower-case words joined by hyphens" },
        { "an id with a double hyphen", "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.civic--trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "not \"benefit.societal.civic--trust\"" },
        { "a null id", "[assembly: BenefitCategory(Benefit.Custom1, null!, TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "not null" },
        { "a shipped id", "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.pluralism\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")]", "is a shipped benefit's" },
        { "no title", "[assembly: RiskCategory(Risk.Custom1, \"risk.individual.news-fatigue\", TaxonomyLevel.Individual, \" \", \"Fatigue.\")]", "needs a title" },
        { "no description", "[assembly: RiskCategory(Risk.Custom1, \"risk.individual.news-fatigue\", TaxonomyLevel.Individual, \"News fatigue\", null!)]", "needs a description" },
        { "a member declared twice", Good + "\n[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.other\", TaxonomyLevel.Societal, \"Other\", \"Other.\")]", "names Benefit.Custom1 again" },
        { "an id taken by another member", Good + "\n[assembly: BenefitCategory(Benefit.Custom2, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Other\", \"Other.\")]", "is taken by Benefit.Custom1" },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void A_bad_declaration_is_pac0015_at_the_attribute_and_blocks_the_policy(string description, string attributes, string expected)
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Civic.cs", "using PolicyAsCode;\n\n" + attributes + "\n" + Policy)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0015", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Matches("^(BenefitCategory|RiskCategory)\\(", SourceAt(outcome, error));
    }

    public static TheoryData<string, string, string> UndeclaredLinks => new()
    {
        { "a dimension's [Enables]", "[Enables(Benefit.Custom3)]\npublic int Volume { get; init; }", "dimension Volume's [Enables] names Benefit.Custom3, which no [assembly: BenefitCategory] declares" },
        { "a dimension's [Mitigates]", "[Mitigates(Risk.Custom8)]\npublic int Volume { get; init; }", "dimension Volume's [Mitigates] names Risk.Custom8, which no [assembly: RiskCategory] declares" },
        { "a number no member has", "[Mitigates((Risk)77)]\npublic int Volume { get; init; }", "names Risk 77, which is no risk of the taxonomy" },
    };

    [Theory]
    [MemberData(nameof(UndeclaredLinks))]
    public void A_link_to_an_undeclared_member_is_pac0015_at_the_dimension(string description, string property, string expected)
    {
        var source = "using PolicyAsCode;\n\n" + Good + "\n" + Policy.Replace("    public int NewsPerDay { get; init; } = 5;", "    public int NewsPerDay { get; init; } = 5;\n\n    [Described(\"volume\")]\n    " + property.Replace("\n", "\n    ", StringComparison.Ordinal), StringComparison.Ordinal);
        var outcome = GeneratorHarness.Run([new SourceFile("Civic.cs", source)]);

        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0015", error.Id);
        Assert.Contains(expected, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Volume", SourceAt(outcome, error), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_member_on_a_higher_tiers_bound_or_hazard_rule_is_pac0015_there()
    {
        var source = "using PolicyAsCode;\n\n" + Policy
            .Replace("    [AtMost(10)]", "    [Mitigates(Risk.Custom4)]\n    [AtMost(10)]", StringComparison.Ordinal)
            .Replace("[ImmutableTier(\"EU\")]", "[ImmutableTier(\"EU\")]\n[Forbid(Hazard.Hate, Mitigates = [Risk.Custom5])]", StringComparison.Ordinal);
        var outcome = GeneratorHarness.Run([new SourceFile("Civic.cs", source)]);

        Assert.True(outcome.Result.GeneratedSources.IsEmpty);
        Assert.Equal(2, outcome.DriverDiagnostics.Length);
        Assert.All(outcome.DriverDiagnostics, d => Assert.Equal("PAC0015", d.Id));
        var bound = outcome.DriverDiagnostics.Single(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("Risk.Custom4", StringComparison.Ordinal));
        Assert.Equal("AtMost(10)", SourceAt(outcome, bound));
        var forbid = outcome.DriverDiagnostics.Single(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("Risk.Custom5", StringComparison.Ordinal));
        Assert.StartsWith("Forbid(", SourceAt(outcome, forbid), StringComparison.Ordinal);
    }

    [Fact]
    public void Good_declarations_are_read_into_the_model_once_and_compile()
    {
        // The very same declaration written twice (each file may say it) is one.
        var compilation = GeneratorHarness.Compile(Policies.CustomTaxonomy.Append(new SourceFile("Again.cs", "using PolicyAsCode;\n" + Policies.CustomTaxonomy[0].Text.Split('\n')[2])));
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var model = GeneratorHarness.Read(compilation, "Civic.Prefs");
        var benefit = Assert.Single(model.CustomBenefits);
        Assert.Equal(new Model.TaxonomyModel(9001, "benefit.societal.civic-trust", 1, "Civic trust", "People trust public information they get through the assistant."), benefit);
        var risk = Assert.Single(model.CustomRisks);
        Assert.Equal((9002, "risk.individual.news-fatigue", 0), (risk.Member, risk.Id, risk.Level));
        Assert.Equal(new[] { 9001, 2 }, model.Dimensions.Single(d => d.Name == "NewsPerDay").Enables.ToArray());
    }

    private static string SourceAt(GeneratorOutcome outcome, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = outcome.Output.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
