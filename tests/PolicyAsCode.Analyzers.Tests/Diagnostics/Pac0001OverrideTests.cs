using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0001: a lower tier fixes a value outside a higher tier's bound.</summary>
public class Pac0001OverrideTests
{
    private const string EuLaw = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Mature)]
            public Maturity Maturity { get; init; }
        }
        """;

    [Fact]
    public async Task User_default_outside_the_organisations_AtMost_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{EuLaw}}

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = {|#0:Maturity.Mature|};
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Mature of Prefs.Maturity lies outside organisation acme's bound AtMost(Maturity.Teen), which allows {General, Teen}"));
    }

    [Fact]
    public async Task User_default_inside_every_bound_is_not_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{EuLaw}}

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; } = Maturity.General;
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = Maturity.Teen;

                public static Prefs Cautious => new() { Maturity = Maturity.General };
            }
            """);
    }

    [Fact]
    public async Task Organisation_AtLeast_leaving_no_value_inside_the_laws_bound_is_an_error()
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
                [AtLeast({|#0:Maturity.Mature|})]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's AtLeast(Maturity.Mature) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) allows in EU ({General, Teen})"));
    }

    [Fact]
    public async Task Organisation_Locked_outside_the_laws_Between_is_an_error()
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

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [Locked({|#0:40|})]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in EU (0 to 30)"));
    }

    [Fact]
    public async Task Organisation_Locked_and_AtLeast_inside_the_laws_bound_are_not_errors()
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

                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [Locked(30)]
                public int MemoryDays { get; init; }

                [AtLeast(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = 30;

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = Maturity.Teen;
            }
            """);
    }

    [Fact]
    public async Task Organisation_default_outside_the_laws_bound_is_an_error()
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
                public Maturity Maturity { get; init; } = {|#0:Maturity.Mature|};
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Mature of Acme.Maturity lies outside the EU law tier EuLaw's bound AtMost(Maturity.Teen) in EU, which allows {General, Teen}"));
    }

    [Fact]
    public async Task Organisation_default_outside_its_own_bound_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{EuLaw}}

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; } = {|#0:Maturity.Mature|};
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Mature of Acme.Maturity lies outside its own bound AtMost(Maturity.Teen), which allows {General, Teen}"));
    }

    private const string TwoJurisdictions = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [AtMost(Tone.Friendly)]
            public Tone Tone { get; init; }
        }

        [ImmutableTier("US")]
        public partial record UsLaw
        {
            [AtMost(Tone.Playful)]
            public Tone Tone { get; init; }

            [AtMost(Maturity.Mature)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
        public partial record Acme
        {
            [Between(0, 14)]
            public int MemoryDays { get; init; }
        }
        """;

    [Fact]
    public async Task Multi_jurisdiction_default_broken_in_one_jurisdiction_names_it()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{TwoJurisdictions}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = {|#0:Maturity.Mature|};

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Tone Tone { get; init; } = Tone.Friendly;

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = 7;
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Mature of Prefs.Maturity lies outside the EU law tier EuLaw's bound AtMost(Maturity.Teen) in EU, which allows {General, Teen}"));
    }

    [Fact]
    public async Task Multi_jurisdiction_default_broken_in_both_is_reported_once_per_jurisdiction()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{TwoJurisdictions}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Tone Tone { get; init; } = {|#0:Tone.Sarcastic|};

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Sarcastic of Prefs.Tone lies outside the EU law tier EuLaw's bound AtMost(Tone.Friendly) in EU, which allows {Neutral, Friendly}"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Sarcastic of Prefs.Tone lies outside the US law tier UsLaw's bound AtMost(Tone.Playful) in US, which allows {Neutral, Friendly, Playful}"));
    }

    [Fact]
    public async Task Multi_jurisdiction_default_broken_against_the_organisations_own_bound_is_reported_once()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{TwoJurisdictions}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = {|#0:20|};
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default 20 of Prefs.MemoryDays lies outside organisation acme's bound Between(0, 14), which allows 0 to 14"));
    }

    [Fact]
    public async Task Multi_jurisdiction_organisation_bound_broken_in_one_jurisdiction_names_it()
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
            public partial record Acme
            {
                [Locked({|#0:Maturity.Mature|})]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(Maturity.Mature) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) allows in EU ({General, Teen})"));
    }

    private const string PresetPolicy = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [Between(0, 30)]
            public int MemoryDays { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
            [AtMost(Tone.Playful)]
            public Tone Tone { get; init; }
        }
        """;

    [Fact]
    public async Task Static_preset_property_outside_the_laws_bound_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{PresetPolicy}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }

                public static Prefs Storyteller => new() { Maturity = {|#0:Maturity.Mature|} };
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The preset value Mature of Prefs.Maturity lies outside the EU law tier EuLaw's bound AtMost(Maturity.Teen) in EU, which allows {General, Teen}"));
    }

    [Fact]
    public async Task With_expression_preset_outside_a_bound_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{PresetPolicy}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }

                public static Prefs Default => new();

                public static Prefs Bold => Default with { Maturity = {|#0:Maturity.Mature|}, Tone = {|#1:Tone.Sarcastic|}, MemoryDays = 7 };
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The preset value Mature of Prefs.Maturity lies outside the EU law tier EuLaw's bound AtMost(Maturity.Teen) in EU, which allows {General, Teen}"),
            Verify.Diagnostic("PAC0001").WithLocation(1)
                .WithMessage("The preset value Sarcastic of Prefs.Tone lies outside organisation acme's bound AtMost(Tone.Playful), which allows {Neutral, Friendly, Playful}"));
    }

    [Fact]
    public async Task Method_returning_a_constant_object_initialiser_outside_a_bound_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{PresetPolicy}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }

                public static Prefs ForLongStories()
                {
                    return new Prefs { Tone = Tone.Friendly, MemoryDays = {|#0:90|} };
                }
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The preset value 90 of Prefs.MemoryDays lies outside the EU law tier EuLaw's bound Between(0, 30) in EU, which allows 0 to 30"));
    }

    [Fact]
    public async Task Presets_inside_the_bounds_and_non_constant_values_are_not_errors()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{PresetPolicy}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; }

                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; }

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; }

                public static Prefs Storyteller => new() { Maturity = Maturity.Teen, Tone = Tone.Playful };

                public static Prefs Remembering(int days) => new() { MemoryDays = days };

                public static Prefs Quiet => Storyteller with { Tone = Tone.Neutral, MemoryDays = 30 };
            }

            public static class Outside
            {
                // Outside every tier record a value is a request, clamped at run time, not a rule of the policy.
                public static Prefs Requested => new() { Maturity = Maturity.Mature };
            }
            """);
    }

    [Fact]
    public async Task Conditional_bounds_do_not_make_a_default_or_preset_an_error()
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

                [Locked(0, Unless = Fact.ConsentsToMemory)]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                public Maturity Maturity { get; init; } = Maturity.Mature;
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = Maturity.Mature;

                [Mitigates(Risk.PrivacyInfringement)]
                public int MemoryDays { get; init; } = 7;

                public static Prefs Storyteller => new() { Maturity = Maturity.Mature };
            }
            """);
    }

    private const string DisclosureLaw = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [Locked(true, WaivableBy = TierRank.User)]
            public bool DiscloseAi { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme;
        """;

    [Fact]
    public async Task A_validly_waived_bound_does_not_make_the_users_default_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{DisclosureLaw}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [HigherIsStricter]
                [Waives(typeof(EuLaw))]
                [Mitigates(Risk.Anthropomorphism)]
                public bool DiscloseAi { get; init; } = false;
            }
            """);
    }

    [Fact]
    public async Task Without_the_waiver_the_same_default_is_an_error()
    {
        await Verify.AnalyzerAsync(
            $$"""
            using PolicyAsCode;

            namespace Demo;

            {{DisclosureLaw}}

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [HigherIsStricter]
                [Mitigates(Risk.Anthropomorphism)]
                public bool DiscloseAi { get; init; } = {|#0:false|};
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default false of Prefs.DiscloseAi lies outside the EU law tier EuLaw's bound Locked(true) in EU, which allows {true}"));
    }

    [Fact]
    public async Task A_user_default_outside_the_user_tiers_own_bound_is_an_error()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(30.0)]
                public double Creativity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Between(0.0, 1.0)]
                [Enables(Benefit.Wellbeing)]
                public double Creativity { get; init; } = {|#0:1.5|};
            }
            """,
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default 1.5 of Prefs.Creativity lies outside its own bound Between(0.0, 1.0), which allows 0 to 1"));
    }
}
