using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0004 (a tier property that matches no dimension) and PAC0005 (a bound or default that does not fit its dimension).</summary>
public class Pac0004To0005Tests
{
    [Fact]
    public async Task Pac0004_tier_property_of_another_type_than_the_dimension()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(1)]
                public int {|#0:Maturity|} { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0004").WithLocation(0)
                .WithMessage("EuLaw.Maturity has type int but dimension Maturity has type Demo.Maturity"));
    }

    [Fact]
    public async Task Pac0004_law_property_with_a_bound_that_matches_no_dimension()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [AtMost(3)]
                public int {|#0:Ghost|} { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0004").WithLocation(0).WithMessage("EuLaw.Ghost is bounded but matches no dimension of any user tier below EuLaw"));
    }

    [Fact]
    public async Task Pac0004_reported_once_when_no_user_tier_below_the_law_has_the_dimension()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [AtMost(3)]
                public int {|#0:Ghost|} { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record KidsPrefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0004").WithLocation(0).WithMessage("EuLaw.Ghost is bounded but matches no dimension of any user tier below EuLaw"));
    }

    [Fact]
    public async Task Pac0004_not_reported_when_a_second_user_tier_below_the_same_law_has_the_dimension()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [AtMost(3)]
                public int Sessions { get; init; }

                // No policy attribute: a helper, not a bound.
                public int Helper { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record PlannerPrefs
            {
                [Enables(Benefit.Efficiency)]
                public int Sessions { get; init; } = 2;
            }
            """);
    }

    [Fact]
    public async Task Pac0005_non_constant_user_default()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = {|#0:System.Environment.ProcessorCount|};
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0)
                .WithMessage("the default of MemoryDays must be a constant: 'System.Environment.ProcessorCount' is not a compile-time constant"));
    }

    [Fact]
    public async Task Pac0005_non_constant_organisation_default()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; } = {|#0:System.DateTime.Now.Day|};
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0)
                .WithMessage("the default Acme.MemoryDays must be a constant: 'System.DateTime.Now.Day' is not a compile-time constant"));
    }

    [Fact]
    public async Task Pac0005_between_with_lo_above_hi()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [{|#0:Between(5, 1)|}]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0).WithMessage("Between(5, 1) on MemoryDays allows no value (is lo above hi?)"));
    }

    [Fact]
    public async Task Pac0005_bound_value_of_the_wrong_type()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [{|#0:AtMost("teen")|}]
                public Maturity Maturity { get; init; }

                [{|#1:AtMost(Tone.Friendly)|}]
                public Maturity Other { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Other { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0).WithMessage("AtMost(\"teen\") on Maturity: teen is not a member of Demo.Maturity"),
            Verify.Diagnostic("PAC0005").WithLocation(1).WithMessage("AtMost(Tone.Friendly) on Other: 1 is not a member of Demo.Maturity"));
    }

    [Fact]
    public async Task Pac0005_allowed_on_an_int_dimension()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [{|#0:Allowed(7, 14)|}]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0)
                .WithMessage("Allowed(7, 14) cannot bound MemoryDays: the int dimension takes AtMost, AtLeast, Between or Locked"));
    }

    [Fact]
    public async Task Pac0005_string_dimension_without_allowed_values()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.InclusionAndAccess)]
                public string {|#0:Language|} { get; init; } = "en";
            }
            """,
            Verify.Diagnostic("PAC0005").WithLocation(0)
                .WithMessage("string dimension Language needs [Allowed(...)] on the user tier listing its values, strictest first"));
    }

    [Fact]
    public async Task Pac0005_not_reported_for_fitting_bounds_and_constant_defaults()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; }

                [AtMost(Topics.Science | Topics.History)]
                public Topics Topics { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [Allowed("en", "fr")]
                public string Language { get; init; } = "en";
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                private const int Week = 7;

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = Week * 2;

                [Mitigates(Risk.PolarisationAndFilterBubbles)]
                public Topics Topics { get; init; } = Topics.Science;

                [Allowed("en", "fr", "de")]
                [Enables(Benefit.InclusionAndAccess)]
                public string Language { get; init; } = "fr";
            }
            """);
    }
}
