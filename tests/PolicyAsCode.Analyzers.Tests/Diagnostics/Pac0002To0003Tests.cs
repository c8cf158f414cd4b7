using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0002 (a bound with no effect) and PAC0003 (a wrong tier hierarchy).</summary>
public class Pac0002To0003Tests
{
    [Fact]
    public async Task Pac0002_organisation_AtMost_wider_than_the_laws_has_no_effect()
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
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [{|#0:AtMost(Maturity.Mature)|}]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's AtMost(Maturity.Mature) on Maturity is no narrower than the EU law tier EuLaw's AtMost(Maturity.Teen) in EU, so it has no effect there ({General, Teen} is allowed either way)"));
    }

    [Fact]
    public async Task Pac0002_not_reported_for_narrower_or_conditional_organisation_bounds()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }

                [Between(0, 30)]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [AtMost(60, When = Fact.VerifiedAdult)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """);
    }

    [Fact]
    public async Task Pac0003_within_a_type_that_is_not_a_tier()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            public partial record NotATier;

            [{|#0:UserTier(Within = [typeof(NotATier)])|}]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0003").WithLocation(0)
                .WithMessage("Prefs is within NotATier, which is not a tier: mark it [ImmutableTier] or [OrganisationTier]"));
    }

    [Fact]
    public async Task Pac0003_within_a_type_that_does_not_exist()
    {
        await Verify.AnalyzerAsync(
            ["""
            using PolicyAsCode;

            namespace Demo;

            [{|#0:UserTier(Within = [typeof({|#1:Missing|})])|}]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }
            """],
            [],
            [Verify.CompilerError("CS0246").WithLocation(1).WithArguments("Missing")],
            Verify.Diagnostic("PAC0003").WithLocation(0).WithMessage("Prefs is within a type that does not exist"));
    }

    [Fact]
    public async Task Pac0003_organisation_within_an_organisation()
    {
        await Verify.AnalyzerAsync(
            ["""
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme;

            [{|#0:OrganisationTier("acme-kids", Within = [typeof(Acme)])|}]
            public partial record AcmeKids;
            """],
            Verify.TaxonomyAndOpen,
            Verify.Diagnostic("PAC0003").WithLocation(0)
                .WithMessage("AcmeKids (organisation tier) cannot be within Acme (organisation tier): a tier sits only within tiers of a higher rank"));
    }

    [Fact]
    public async Task Pac0003_user_tier_within_a_user_tier()
    {
        await Verify.AnalyzerAsync(
            ["""
            using PolicyAsCode;

            namespace Demo;

            [UserTier]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }

            [{|#0:UserTier(Within = [typeof(Prefs)])|}]
            public partial record ChildPrefs
            {
                public bool Concise { get; init; }
            }
            """],
            Verify.TaxonomyAndOpen,
            Verify.Diagnostic("PAC0003").WithLocation(0)
                .WithMessage("ChildPrefs (user tier) cannot be within Prefs (user tier): a tier sits only within tiers of a higher rank"));
    }

    [Fact]
    public async Task Pac0003_law_needs_a_jurisdiction()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [{|#0:ImmutableTier("")|}]
            public partial record Nowhere
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Nowhere)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0003").WithLocation(0).WithMessage("Nowhere needs a non-empty jurisdiction"));
    }

    [Fact]
    public async Task Pac0003_not_reported_for_a_sound_hierarchy_with_a_user_tier_directly_within_a_law()
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
            }

            [ImmutableTier("US")]
            public partial record UsLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record LawOnlyPrefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """);
    }
}
