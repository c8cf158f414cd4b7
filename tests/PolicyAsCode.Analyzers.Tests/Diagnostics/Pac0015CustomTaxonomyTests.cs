using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// PAC0015 (issue 16): a project's own benefit or risk declared unusably, or a link to a custom member nothing
/// declares, is an error the analysers report where it is written, once, however it is configured.
/// </summary>
public sealed class Pac0015CustomTaxonomyTests
{
    private const string Good = "[assembly: BenefitCategory(Benefit.Custom1, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"People trust public information.\")]";

    private const string Tiers = """

        namespace Civic;

        [ImmutableTier("EU")]
        public partial record CivicLaw
        {
            [AtMost(10, Reason = "at most ten items a day")]
            public int NewsPerDay { get; init; }
        }

        [UserTier(Within = [typeof(CivicLaw)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public int NewsPerDay { get; init; } = 5;
        }

        [UserTier(Within = [typeof(CivicLaw)])]
        public partial record Other
        {
            [Enables(Benefit.Autonomy)]
            public int NewsPerDay { get; init; } = 5;
        }
        """;

    [Theory]
    [InlineData("BenefitCategory(Benefit.Pluralism, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")", "must name one of Benefit.Custom1 to Benefit.Custom8, not 1003")]
    [InlineData("RiskCategory((Risk)12, \"risk.societal.x\", TaxonomyLevel.Societal, \"X\", \"X.\")", "must name one of Risk.Custom1 to Risk.Custom8, not 12")]
    [InlineData("BenefitCategory(Benefit.Custom1, \"benefit.societal.civic-trust\", (TaxonomyLevel)7, \"Civic trust\", \"Trust.\")", "needs a level, TaxonomyLevel.Individual or TaxonomyLevel.Societal, not 7")]
    [InlineData("BenefitCategory(Benefit.Custom1, \"benefit.individual.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"Trust.\")", "needs a stable id of the form \"benefit.societal.slug\" at its level")]
    [InlineData("RiskCategory(Risk.Custom1, \"risk.individual.news fatigue\", TaxonomyLevel.Individual, \"News fatigue\", \"Fatigue.\")", "not \"risk.individual.news fatigue\"")]
    [InlineData("RiskCategory(Risk.Custom1, \"risk.individual.\", TaxonomyLevel.Individual, \"News fatigue\", \"Fatigue.\")", "not \"risk.individual.\"")]
    [InlineData("RiskCategory(Risk.Custom1, \"risk.individual.sycophancy\", TaxonomyLevel.Individual, \"Flattery\", \"Flattery.\")", "is a shipped risk's")]
    [InlineData("RiskCategory(Risk.Custom1, \"risk.individual.news-fatigue\", TaxonomyLevel.Individual, \"\", \"Fatigue.\")", "needs a title")]
    [InlineData("BenefitCategory(Benefit.Custom1, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Civic trust\", \"\")", "needs a description")]
    public async Task A_bad_declaration_is_reported_once_at_the_attribute_even_when_configured_off(string attribute, string expected)
    {
        var source = "using PolicyAsCode;\n\n[assembly: " + attribute + "]\n" + Tiers;
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(source, new Dictionary<string, ReportDiagnostic> { ["PAC0015"] = ReportDiagnostic.Suppress });

        // Once, though both policies read it, at the attribute.
        var error = Assert.Single(diagnostics, d => d.Id == "PAC0015");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(attribute, Text(error));
    }

    [Fact]
    public async Task A_member_declared_twice_or_an_id_taken_is_reported_at_the_second_declaration()
    {
        var twice = "BenefitCategory(Benefit.Custom1, \"benefit.societal.other\", TaxonomyLevel.Societal, \"Other\", \"Other.\")";
        var taken = "BenefitCategory(Benefit.Custom2, \"benefit.societal.civic-trust\", TaxonomyLevel.Societal, \"Another\", \"Another.\")";
        var source = "using PolicyAsCode;\n\n" + Good + "\n" + Good + "\n[assembly: " + twice + "]\n[assembly: " + taken + "]\n" + Tiers;
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(source);

        var errors = diagnostics.Where(d => d.Id == "PAC0015").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(twice, Text(errors[0]));
        Assert.Contains("names Benefit.Custom1 again (it is \"benefit.societal.civic-trust\" already)", errors[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(taken, Text(errors[1]));
        Assert.Contains("is taken by Benefit.Custom1", errors[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_to_undeclared_custom_members_are_reported_where_they_land()
    {
        var source = "using PolicyAsCode;\n\n" + Good + "\n" + Tiers
            .Replace("[AtMost(10, Reason", "[Mitigates(Risk.Custom3)]\n    [AtMost(10, Reason", StringComparison.Ordinal)
            .Replace("[ImmutableTier(\"EU\")]", "[ImmutableTier(\"EU\")]\n[Forbid(Hazard.Hate, Mitigates = [Risk.Custom4])]", StringComparison.Ordinal)
            .Replace("public partial record Prefs\n{\n    [Enables(Benefit.Autonomy)]", "public partial record Prefs\n{\n    [Enables(Benefit.Autonomy, Benefit.Custom1, Benefit.Custom2)]", StringComparison.Ordinal);
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(source);

        var errors = diagnostics.Where(d => d.Id == "PAC0015").Select(d => (Message: d.GetMessage(CultureInfo.InvariantCulture), Text: Text(d))).ToList();
        Assert.Contains(errors, e => e.Message.Contains("the [Mitigates] of AtMost(10) on NewsPerDay names Risk.Custom3", StringComparison.Ordinal) && e.Text.StartsWith("AtMost(10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("a [Forbid]'s Mitigates names Risk.Custom4", StringComparison.Ordinal) && e.Text.StartsWith("Forbid(", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("dimension NewsPerDay's [Enables] names Benefit.Custom2, which no [assembly: BenefitCategory] declares", StringComparison.Ordinal));

        // Benefit.Custom1 is declared, so it is no finding; each problem is reported once though two policies read the law.
        Assert.DoesNotContain(errors, e => e.Message.Contains("Benefit.Custom1", StringComparison.Ordinal));
        Assert.Equal(errors.Count, errors.Distinct().Count());
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task Good_declarations_and_links_are_no_finding()
    {
        var source = "using PolicyAsCode;\n\n" + Good + "\n[assembly: RiskCategory(Risk.Custom8, \"risk.societal.civic-apathy\", TaxonomyLevel.Societal, \"Civic apathy\", \"People stop taking part.\")]\n"
            + Tiers.Replace("[AtMost(10, Reason", "[Mitigates(Risk.Custom8)]\n    [AtMost(10, Reason", StringComparison.Ordinal)
                .Replace("[Enables(Benefit.Autonomy)]", "[Enables(Benefit.Autonomy, Benefit.Custom1)]", StringComparison.Ordinal);
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(source);

        Assert.DoesNotContain(diagnostics, d => d.Id == "PAC0015");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
