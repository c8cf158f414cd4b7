using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>PAC0001's fix: the overriding value becomes the nearest value every higher tier allows.</summary>
public class ClampToAllowedValueFixTests
{
    private const string Law = """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [Between(0, 30)]
            public int MemoryDays { get; init; }

            [AtMost(Topics.Science | Topics.History)]
            public Topics Topics { get; init; }

            [Locked(true)]
            public bool DiscloseAi { get; init; }
        }
        """;

    private static string Policy(string prefsBody, string acmeBody = "") => $$"""
        using PolicyAsCode;

        namespace Demo;

        {{Law}}

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
        {{acmeBody}}
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }{{Default(prefsBody, "Maturity")}}

            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }{{Default(prefsBody, "MemoryDays")}}

            [Mitigates(Risk.PolarisationAndFilterBubbles)]
            public Topics Topics { get; init; }{{Default(prefsBody, "Topics")}}

            [Mitigates(Risk.Anthropomorphism)]
            [HigherIsStricter]
            public bool DiscloseAi { get; init; } = true;
        {{Rest(prefsBody)}}
        }
        """;

    // prefsBody holds lines "Name: initialiser" for defaults and any other lines verbatim.
    private static string Default(string body, string name)
    {
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith(name + ": ", System.StringComparison.Ordinal))
            {
                return " = " + line.Substring(name.Length + 2).TrimEnd('\r') + ";";
            }
        }

        return string.Empty;
    }

    private static string Rest(string body)
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0 && !line.Contains(": ", System.StringComparison.Ordinal))
            {
                lines.Add("    " + line.TrimEnd('\r'));
            }
        }

        return string.Join("\n", lines);
    }

    [Fact]
    public async Task Enum_default_Mature_becomes_Teen()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy("Maturity: {|PAC0001:Maturity.Mature|}"),
            Policy("Maturity: Maturity.Teen"));
    }

    [Fact]
    public async Task Int_default_40_becomes_30_under_Between_0_30()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy("MemoryDays: {|PAC0001:40|}"),
            Policy("MemoryDays: 30"));
    }

    [Fact]
    public async Task Flags_default_loses_the_flags_the_law_does_not_allow()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy("Topics: {|PAC0001:Topics.Science | Topics.Politics|}"),
            Policy("Topics: Topics.Science"));
    }

    [Fact]
    public async Task Organisation_Locked_40_becomes_Locked_0_the_value_resolution_grants_today()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(string.Empty, "    [Locked({|PAC0001:40|})]\n    public int MemoryDays { get; init; }"),
            Policy(string.Empty, "    [Locked(0)]\n    public int MemoryDays { get; init; }"));
    }

    [Fact]
    public async Task Organisation_AtLeast_above_the_laws_AtMost_gets_no_fix_because_every_rewrite_would_widen()
    {
        // Skipped as a contradiction, the bound leaves users General only; AtLeast(Teen) would grant Teen instead.
        var source = Policy(string.Empty, "    [AtLeast({|PAC0001:Maturity.Mature|})]\n    public Maturity Maturity { get; init; }");
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(source, source);
    }

    [Fact]
    public async Task Organisation_Between_outside_the_law_is_reported_without_a_fix()
    {
        var source = Policy(string.Empty, "    [Between({|PAC0001:40|}, 50)]\n    public int MemoryDays { get; init; }");
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(source, source);
    }

    [Fact]
    public async Task Organisation_default_is_clamped_into_the_laws_bound()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(string.Empty, "    public Maturity Maturity { get; init; } = {|PAC0001:Maturity.Mature|};"),
            Policy(string.Empty, "    public Maturity Maturity { get; init; } = Maturity.Teen;"));
    }

    [Fact]
    public async Task Preset_value_is_clamped()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy("public static Prefs Storyteller => new() { Maturity = {|PAC0001:Maturity.Mature|}, MemoryDays = 7 };"),
            Policy("public static Prefs Storyteller => new() { Maturity = Maturity.Teen, MemoryDays = 7 };"));
    }

    [Fact]
    public async Task With_expression_value_is_clamped()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy("public static Prefs Default => new();\npublic static Prefs Forgetful => Default with { MemoryDays = {|PAC0001:-3|} };"),
            Policy("public static Prefs Default => new();\npublic static Prefs Forgetful => Default with { MemoryDays = 0 };"));
    }

    [Fact]
    public async Task Bool_default_becomes_the_locked_value()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(string.Empty).Replace("public bool DiscloseAi { get; init; } = true;", "public bool DiscloseAi { get; init; } = {|PAC0001:false|};"),
            Policy(string.Empty));
    }

    [Fact]
    public async Task Double_default_is_clamped_to_the_user_tiers_own_bound()
    {
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(0.8)]
                public double Creativity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public double Creativity { get; init; } = {|PAC0001:1.5|};
            }
            """,
            """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(0.8)]
                public double Creativity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public double Creativity { get; init; } = 0.8;
            }
            """);
    }

    [Fact]
    public async Task String_default_becomes_an_allowed_value()
    {
        const string Before = """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [Allowed("en", "fr")]
                public string Language { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Allowed("en", "fr", "de")]
                [Enables(Benefit.InclusionAndAccess)]
                public string Language { get; init; } = {|PAC0001:"de"|};
            }
            """;
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Before.Replace("\"en\", \"fr\")]\n        public string Language { get; init; }", "\"en\", \"fr\")]\n        public string Language { get; init; } = \"en\";"),
            Before.Replace("{|PAC0001:\"de\"|}", "\"fr\"").Replace("\"en\", \"fr\")]\n        public string Language { get; init; }", "\"en\", \"fr\")]\n        public string Language { get; init; } = \"en\";"));
    }

    [Fact]
    public async Task Value_broken_in_two_jurisdictions_is_clamped_once_to_a_value_both_allow()
    {
        const string Before = """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Tone.Friendly)]
                public Tone Tone { get; init; }
            }

            [ImmutableTier("US")]
            public partial record UsLaw
            {
                [AtMost(Tone.Playful)]
                public Tone Tone { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Wellbeing)]
                public Tone Tone { get; init; } = {|#0:Tone.Sarcastic|};
            }
            """;
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            [Before],
            [Before.Replace("{|#0:Tone.Sarcastic|}", "Tone.Friendly")],
            [],
            [
                Verify.Diagnostic("PAC0001").WithLocation(0)
                    .WithMessage("The default Sarcastic of Prefs.Tone lies outside the EU law tier EuLaw's bound AtMost(Tone.Friendly) in EU, which allows {Neutral, Friendly}"),
                Verify.Diagnostic("PAC0001").WithLocation(0)
                    .WithMessage("The default Sarcastic of Prefs.Tone lies outside the US law tier UsLaw's bound AtMost(Tone.Playful) in US, which allows {Neutral, Friendly, Playful}"),
            ],
            test => test.NumberOfIncrementalIterations = 1);
    }
}
