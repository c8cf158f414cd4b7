using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// Issue 14: a law within another law (DE within EU) may only narrow it. Its bounds and defaults are checked against
/// the laws it is within like any lower tier's (PAC0001, PAC0012); an organisation deployed under a national law is
/// checked against it and every law it is within; a hierarchy of laws that loops, or a law within an organisation,
/// blocks the build (PAC0003).
/// </summary>
public class NestedLawTests
{
    private const string Header = """
        using PolicyAsCode;

        namespace Demo;

        """;

    private const string EuLaw = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [Between(0, 30)]
            public int MemoryDays { get; init; }
        }

        """;

    private const string Deployment = """

        [OrganisationTier("acme", Within = [typeof(DeLaw)])]
        public partial record Acme;

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }
        }
        """;

    private static string DeLaw(string body) => $$"""
        [ImmutableTier("DE", Within = [typeof(EuLaw)])]
        public partial record DeLaw
        {
        {{body}}
        }
        """;

    [Fact]
    public async Task A_national_lock_outside_the_supranational_bound_is_PAC0001_naming_the_EU_law()
    {
        await Verify.AnalyzerAsync(
            Header + EuLaw + DeLaw("    [Locked({|#0:90|})]\n    public int MemoryDays { get; init; }") + Deployment,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("the DE law tier DeLaw's Locked(90) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in DE within EU (0 to 30)"));
    }

    [Fact]
    public async Task A_national_bound_that_overrides_EU_law_for_minors_only_is_PAC0012_with_its_witness()
    {
        const string euForMinors = """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Between(0, 30)]
                [AtMost(7, When = Fact.Minor)]
                public int MemoryDays { get; init; }
            }

            """;
        await Verify.AnalyzerAsync(
            Header + euForMinors + DeLaw("    [AtLeast({|#0:14|})]\n    public int MemoryDays { get; init; }") + Deployment,
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("the DE law tier DeLaw's AtLeast(14) on MemoryDays leaves no value that the EU law tier EuLaw's AtMost(7) (when Minor) allows in DE within EU when Minor holds (0 to 7); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task A_national_default_outside_the_EU_bound_is_PAC0001()
    {
        await Verify.AnalyzerAsync(
            Header + EuLaw + DeLaw("    public int MemoryDays { get; init; } = {|#0:60|};") + Deployment,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default 60 of DeLaw.MemoryDays lies outside the EU law tier EuLaw's bound Between(0, 30) in DE within EU, which allows 0 to 30"));
    }

    [Fact]
    public async Task A_law_three_levels_down_is_checked_against_the_outermost_law_and_names_its_chain()
    {
        await Verify.AnalyzerAsync(
            Header + EuLaw + DeLaw("    [Between(0, 14)]\n    public int MemoryDays { get; init; }") + """

                [ImmutableTier("DE-BY", Within = [typeof(DeLaw)])]
                public partial record DeByLaw
                {
                    [AtLeast({|#0:20|})]
                    public int MemoryDays { get; init; }
                }

                [OrganisationTier("acme", Within = [typeof(DeByLaw)])]
                public partial record Acme;

                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Mitigates(Risk.PrivacyInfringement)]
                    public int MemoryDays { get; init; }
                }
                """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("the DE-BY law tier DeByLaw's AtLeast(20) on MemoryDays leaves no value that the DE law tier DeLaw's Between(0, 14) allows in DE-BY within DE within EU (0 to 14)"));
    }

    [Fact]
    public async Task A_national_law_narrower_than_EU_law_and_one_bounding_what_EU_law_leaves_open_are_not_reported()
    {
        // DE narrows EU's 0 to 30 to 0 to 14 (and to 0 for minors); EU says nothing of Maturity, so DE's cap there
        // answers to no law above it. A US law binds neither: unrelated laws do not bind each other.
        await Verify.AnalyzerAsync(
            Header + EuLaw + DeLaw("""
                    [Between(0, 14)]
                    [Locked(0, When = Fact.Minor)]
                    public int MemoryDays { get; init; } = 7;

                    [AtMost(Maturity.Teen)]
                    public Maturity Maturity { get; init; } = Maturity.General;
                """) + """

                [ImmutableTier("US")]
                public partial record UsLaw
                {
                    [Between(20, 365)]
                    public int MemoryDays { get; init; }

                    [AtLeast(Maturity.Mature)]
                    public Maturity Maturity { get; init; }
                }

                [OrganisationTier("acme", Within = [typeof(DeLaw), typeof(UsLaw)])]
                public partial record Acme;

                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Mitigates(Risk.PrivacyInfringement)]
                    public int MemoryDays { get; init; }

                    [Mitigates(Risk.ManipulationOfTheVulnerable)]
                    public Maturity Maturity { get; init; }
                }
                """);
    }

    [Fact]
    public async Task A_cycle_of_laws_is_PAC0003_on_each_law_naming_the_cycle()
    {
        await Verify.AnalyzerAsync(
            Header + """
                [{|#0:ImmutableTier("EU", Within = [typeof(DeLaw)])|}]
                public partial record EuLaw
                {
                    [Between(0, 30)]
                    public int MemoryDays { get; init; }
                }

                [{|#1:ImmutableTier("DE", Within = [typeof(EuLaw)])|}]
                public partial record DeLaw
                {
                    [Between(0, 14)]
                    public int MemoryDays { get; init; }
                }
                """ + Deployment,
            Verify.Diagnostic("PAC0003").WithLocation(0)
                .WithMessage("EuLaw is within itself (EuLaw within DeLaw within EuLaw): the laws' Within lists form a cycle"),
            Verify.Diagnostic("PAC0003").WithLocation(1)
                .WithMessage("DeLaw is within itself (DeLaw within EuLaw within DeLaw): the laws' Within lists form a cycle"));
    }

    [Fact]
    public async Task A_law_within_itself_is_PAC0003()
    {
        await Verify.AnalyzerAsync(
            Header + """
                [{|#0:ImmutableTier("EU", Within = [typeof(EuLaw)])|}]
                public partial record EuLaw
                {
                    [Between(0, 30)]
                    public int MemoryDays { get; init; }
                }

                [OrganisationTier("acme", Within = [typeof(EuLaw)])]
                public partial record Acme;

                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Mitigates(Risk.PrivacyInfringement)]
                    public int MemoryDays { get; init; }
                }
                """,
            Verify.Diagnostic("PAC0003").WithLocation(0).WithMessage("EuLaw cannot be within itself"));
    }

    [Fact]
    public async Task A_law_within_an_organisation_is_PAC0003()
    {
        await Verify.AnalyzerAsync(
            Header + EuLaw + """
                [{|#0:ImmutableTier("DE", Within = [typeof(Acme)])|}]
                public partial record DeLaw
                {
                    [Between(0, 14)]
                    public int MemoryDays { get; init; }
                }

                [OrganisationTier("acme", Within = [typeof(EuLaw)])]
                public partial record Acme;

                [UserTier(Within = [typeof(Acme), typeof(DeLaw)])]
                public partial record Prefs
                {
                    [Mitigates(Risk.PrivacyInfringement)]
                    public int MemoryDays { get; init; }
                }
                """,
            Verify.Diagnostic("PAC0003").WithLocation(0)
                .WithMessage("DeLaw (immutable tier) cannot be within Acme (organisation tier): a law sits only within other laws"));
    }

    private static string DeployedIn(string within, string orgBound) => Header + EuLaw + DeLaw("    [Between(0, 14)]\n    public int MemoryDays { get; init; }") + $$"""

        [OrganisationTier("acme", Within = [{{within}}])]
        public partial record Acme
        {
            {{orgBound}}
            public int MemoryDays { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }
        }
        """;

    [Theory]
    [InlineData("typeof(DeLaw)")]
    [InlineData("typeof(EuLaw), typeof(DeLaw)")]
    [InlineData("typeof(DeLaw), typeof(EuLaw)")]
    public async Task An_organisation_bound_contradicting_EU_law_is_reported_in_EU_and_in_DE(string within)
    {
        // The organisation is deployed under DE law, and so under EU law, which DE is within: a request in EU applies
        // EU law, one in DE both.
        await Verify.AnalyzerAsync(
            DeployedIn(within, "[Locked({|#0:40|})]"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in EU (0 to 30)"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in DE within EU (0 to 14)"));
    }

    [Theory]
    [InlineData("typeof(DeLaw)")]
    [InlineData("typeof(EuLaw), typeof(DeLaw)")]
    public async Task An_organisation_bound_contradicting_only_DE_law_is_reported_only_in_DE(string within)
    {
        await Verify.AnalyzerAsync(
            DeployedIn(within, "[Locked({|#0:20|})]"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(20) on MemoryDays leaves no value that the DE law tier DeLaw's Between(0, 14) allows in DE within EU (0 to 14)"));
    }

    [Fact]
    public async Task An_organisation_default_outside_DE_law_is_reported_in_DE()
    {
        await Verify.AnalyzerAsync(
            Header + EuLaw + DeLaw("    [Between(0, 14)]\n    public int MemoryDays { get; init; }") + """

                [OrganisationTier("acme", Within = [typeof(DeLaw)])]
                public partial record Acme
                {
                    public int MemoryDays { get; init; } = {|#0:20|};
                }

                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Mitigates(Risk.PrivacyInfringement)]
                    public int MemoryDays { get; init; }
                }
                """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default 20 of Acme.MemoryDays lies outside the DE law tier DeLaw's bound Between(0, 14) in DE within EU, which allows 0 to 14"));
    }
}
