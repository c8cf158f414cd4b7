using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0017, PAC0018 and PAC0019, three of the five problems PAC0011 used to cover, each under its own id.</summary>
public sealed class Pac0017To0019Tests
{
    private const string Law = """
        using PolicyAsCode;

        namespace Limits;

        public enum Maturity { General, Teen, Mature }

        public enum Nothing { }

        """;

    [Fact]
    public async Task An_enum_dimension_without_members_is_pac0017()
    {
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(Law + """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Autonomy)]
                public Nothing Choice { get; init; }
            }
            """);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PAC0017", error.Id);
        Assert.Equal("enum Limits.Nothing of dimension Choice must have 1 to 64 members", error.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/PAC0017.md", error.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Sixty_five_hazard_rules_are_pac0018_at_the_user_tier()
    {
        // 64 rules of the law, and the user's own avoid list: 65.
        var forbids = string.Concat(Enumerable.Range(0, 64).Select(i => $"[Forbid(Hazard.Hate, When = Fact.Minor, Reason = \"rule {i}\")]\n"));
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(Law + forbids + """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Wellbeing)]
                public Hazard AvoidHazards { get; init; }
            }
            """);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PAC0018", error.Id);
        Assert.Equal("Prefs has 65 hazard rules (its tiers' [Forbid] rules and the user's own list); a policy may have at most 64", error.GetMessage(CultureInfo.InvariantCulture));
        Assert.StartsWith("UserTier(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Decide")]
    [InlineData("PolicyScope")]
    [InlineData("Admits")]
    [InlineData("Granted")]
    [InlineData("GrantedValues")]
    public async Task A_user_tier_member_named_like_a_generated_member_is_pac0019(string name)
    {
        var diagnostics = await BlockingDiagnosticTests.AnalyseAsync(Law + """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Maturity Maturity { get; init; }

                private int NAME = 0;
            }
            """.Replace("NAME", name, StringComparison.Ordinal));

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PAC0019", error.Id);
        Assert.Equal($"Prefs.{name} has a name the generated evaluator needs: rename it", error.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, error.Descriptor.CustomTags);
    }
}
