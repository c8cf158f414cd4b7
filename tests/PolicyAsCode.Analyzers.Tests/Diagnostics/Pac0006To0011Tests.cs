using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0006 to PAC0010, and PAC0016 and PAC0020 (once PAC0011): contradictions, taxonomy links, open dimensions, extensibility, waivers, unsupported types, JSON name clashes.</summary>
public class Pac0006To0011Tests
{
    [Fact]
    public async Task Pac0006_AtMost_and_AtLeast_on_the_same_tier_leave_no_value()
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
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                [{|#0:AtLeast(Maturity.Mature)|}]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0006").WithLocation(0)
                .WithMessage("organisation acme's bounds on Maturity contradict each other: AtLeast(Maturity.Mature) leaves no value after AtMost(Maturity.Teen)"));
    }

    [Fact]
    public async Task Pac0006_conditional_bound_contradicting_the_tiers_unconditional_bound()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                [{|#0:Locked(Maturity.Mature, When = Fact.VerifiedAdult)|}]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0006").WithLocation(0)
                .WithMessage("the EU law tier EuLaw's bounds on Maturity contradict each other: Locked(Maturity.Mature) (when VerifiedAdult) leaves no value inside {General, Teen}"));
    }

    [Fact]
    public async Task Pac0006_not_reported_for_bounds_that_overlap()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Mature)]
                [AtLeast(Maturity.Teen)]
                [AtMost(Maturity.Teen, When = Fact.Minor)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = Maturity.Teen;
            }
            """);
    }

    [Fact]
    public async Task Pac0007_dimension_naming_no_benefit_or_risk()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(Tone.Playful)]
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Tone Tone { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Described("The assistant's tone")]
                public Tone {|#0:Tone|} { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0007").WithLocation(0)
                .WithMessage("Dimension Tone names no benefit it enables or risk it mitigates; add [Enables(...)] or [Mitigates(...)] so the policy card can say why it exists"));
    }

    [Fact]
    public async Task Pac0007_not_reported_when_the_dimension_names_a_benefit_or_a_risk()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(Tone.Playful)]
                public Tone Tone { get; init; }

                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """);
    }

    [Fact]
    public async Task Pac0008_open_dimension_is_an_info()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(Tone.Playful)]
                public Tone Tone { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Enables(Benefit.Efficiency)]
                [Between(0, 10)]
                public int {|#0:Examples|} { get; init; } = 3;
            }
            """,
            Verify.Diagnostic("PAC0008").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                .WithMessage("Dimension Examples is open personalisation: no law or organisation tier bounds it"));
    }

    [Fact]
    public async Task Pac0008_not_reported_when_a_higher_tier_bounds_the_dimension_even_conditionally()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen, When = Fact.Minor)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Tone.Playful)]
                public Tone Tone { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """);
    }

    private const string Org = """
        [OrganisationTier("acme")]
        public partial record Acme
        {
            [AtMost(Tone.Playful)]
            public Tone Tone { get; init; }
        }
        """;

    [Fact]
    public async Task Pac0009_user_tier_that_is_not_partial()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [UserTier(Within = [typeof(Acme)])]
            public record {|#0:Prefs|}
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0009").WithLocation(0).WithMessage("Prefs must be partial for the generator to add its evaluator"));
    }

    [Fact]
    public async Task Pac0009_user_tier_that_is_a_record_struct()
    {
        await Verify.AnalyzerAsync(
            [$$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [{|#1:UserTier|}(Within = [typeof(Acme)])]
            public partial record struct {|#0:Prefs|}
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }
            }
            """],
            [],
            [Verify.CompilerError("CS0592").WithLocation(1).WithArguments("UserTier", "class")],
            Verify.Diagnostic("PAC0009").WithLocation(0).WithMessage("Prefs must be a record class for the generator to add its evaluator"));
    }

    [Fact]
    public async Task Pac0009_user_tier_that_is_a_class()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [UserTier(Within = [typeof(Acme)])]
            public partial class {|#0:Prefs|}
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0009").WithLocation(0).WithMessage("Prefs must be a record class for the generator to add its evaluator"));
    }

    [Fact]
    public async Task Pac0009_user_tier_nested_in_a_class_that_is_not_partial()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            public static class {|#0:Policies|}
            {
                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Wellbeing)]
                    public Tone Tone { get; init; }
                }
            }
            """,
            Verify.Diagnostic("PAC0009").WithLocation(0).WithMessage("Prefs is nested in Policies, which must be partial too"));
    }

    [Fact]
    public async Task Pac0009_not_reported_for_partial_records_nested_in_partial_types()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            public static partial class Policies
            {
                [UserTier(Within = [typeof(Acme)])]
                public sealed partial record Prefs
                {
                    [Enables(Benefit.Wellbeing)]
                    public Tone Tone { get; init; }
                }
            }
            """);
    }

    [Fact]
    public async Task Pac0010_organisation_claims_a_waiver_delegated_to_users()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Locked(true, WaivableBy = TierRank.User)]
                public bool DiscloseAi { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [{|#0:Waives(typeof(EuLaw))|}]
                public bool DiscloseAi { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [HigherIsStricter]
                [Mitigates(Risk.Anthropomorphism)]
                public bool DiscloseAi { get; init; } = true;
            }
            """,
            Verify.Diagnostic("PAC0010").WithLocation(0)
                .WithMessage("Acme claims a waiver of EuLaw's bound on DiscloseAi, but EuLaw does not delegate that waiver to the organisation tier"));
    }

    [Fact]
    public async Task Pac0010_bound_waivable_by_its_own_tier()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [{|#0:Locked(true, WaivableBy = TierRank.Organisation)|}]
                public bool DiscloseAi { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.Anthropomorphism)]
                public bool DiscloseAi { get; init; } = true;
            }
            """,
            Verify.Diagnostic("PAC0010").WithLocation(0)
                .WithMessage("Locked(true) of Acme can only be waivable by a lower tier, not by the organisation tier"));
    }

    [Fact]
    public async Task Pac0010_not_reported_for_the_delegated_user_waiver()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Locked(true, WaivableBy = TierRank.User)]
                public bool DiscloseAi { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [HigherIsStricter]
                [Waives(typeof(EuLaw), When = Fact.RolePlay)]
                [Mitigates(Risk.Anthropomorphism)]
                public bool DiscloseAi { get; init; } = true;
            }
            """);
    }

    [Fact]
    public async Task Pac0016_dimension_of_an_unsupported_type()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Enables(Benefit.Usefulness)]
                public System.DateTime {|#0:Since|} { get; init; }

                [Enables(Benefit.Usefulness)]
                public long {|#1:Budget|} { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0016").WithLocation(0)
                .WithMessage("Since has type System.DateTime, which is not a dimension kind: use bool, an enum, a [Flags] enum, int, double or string"),
            Verify.Diagnostic("PAC0016").WithLocation(1)
                .WithMessage("Budget has type long, which is not a dimension kind: use bool, an enum, a [Flags] enum, int, double or string"));
    }

    [Fact]
    public async Task Pac0020_two_dimensions_whose_json_names_collide()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Enables(Benefit.Usefulness)]
                public int MemoryDays { get; init; }

                [Enables(Benefit.Usefulness)]
                public int {|#0:memoryDays|} { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0020").WithLocation(0)
                .WithMessage("Prefs.memoryDays and Prefs.MemoryDays are both named \"memoryDays\" in preferences JSON: rename one"));
    }

    [Fact]
    public async Task Pac0016_not_reported_for_every_supported_kind()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Enables(Benefit.Efficiency)]
                public bool {|PAC0008:Concise|} { get; init; }

                [Enables(Benefit.Usefulness)]
                public int {|PAC0008:MemoryDays|} { get; init; }

                [Enables(Benefit.Wellbeing)]
                public double {|PAC0008:Creativity|} { get; init; } = 0.5;

                [Enables(Benefit.Usefulness)]
                public Topics {|PAC0008:Topics|} { get; init; }

                [Allowed("en", "fr")]
                [Enables(Benefit.InclusionAndAccess)]
                public string {|PAC0008:Language|} { get; init; } = "en";

                [Enables(Benefit.Autonomy)]
                public Hazard {|PAC0008:AvoidHazards|} { get; init; }
            }
            """);
    }
}
