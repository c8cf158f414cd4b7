using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>Fix all: every PAC0001 of a document, and of a solution, clamped in one go.</summary>
public class FixAllTests
{
    private const string Law = """
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }

            [Between(0, 30)]
            public int MemoryDays { get; init; }

            [AtMost(Tone.Friendly)]
            public Tone Tone { get; init; }
        }
        """;

    private const string Org = """
        using PolicyAsCode;

        namespace Demo;

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
            [Locked({|#0:40|})]
            public int MemoryDays { get; init; }

            public Tone Tone { get; init; } = {|#1:Tone.Sarcastic|};
        }
        """;

    private const string FixedOrg = """
        using PolicyAsCode;

        namespace Demo;

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
            [Locked(0)]
            public int MemoryDays { get; init; }

            public Tone Tone { get; init; } = Tone.Friendly;
        }
        """;

    // MemoryDays has no user default and no preset: the organisation's broken Locked(40) is fixed on its own.
    private static string Prefs(string name, string maturity, string tone, string preset) => $$"""
        using PolicyAsCode;

        namespace Demo;

        [UserTier(Within = [typeof(Acme)])]
        public partial record {{name}}
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; } = {{maturity}};

            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }

            [Enables(Benefit.Wellbeing)]
            public Tone Tone { get; init; } = {{tone}};

            public static {{name}} Storyteller => new() { Maturity = {{preset}}, Tone = Tone.Neutral };
        }
        """;

    [Fact]
    public async Task Fix_all_in_one_document_clamps_every_default_and_preset()
    {
        var before = Prefs("Prefs", "{|PAC0001:Maturity.Mature|}", "{|PAC0001:Tone.Sarcastic|}", "{|PAC0001:Maturity.Mature|}");
        var after = Prefs("Prefs", "Maturity.Teen", "Tone.Friendly", "Maturity.Teen");
        const string QuietOrg = """
            using PolicyAsCode;

            namespace Demo;

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [Locked(30)]
                public int MemoryDays { get; init; }
            }
            """;

        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            [before, Law, QuietOrg],
            [after, Law, QuietOrg],
            [],
            [],
            test =>
            {
                test.NumberOfIncrementalIterations = 3;
                test.NumberOfFixAllInDocumentIterations = 1;
                test.NumberOfFixAllIterations = 1;
            });
    }

    [Fact]
    public async Task Fix_all_in_the_solution_clamps_across_documents()
    {
        var prefs = Prefs("Prefs", "{|PAC0001:Maturity.Mature|}", "Tone.Neutral", "{|PAC0001:Maturity.Mature|}");
        var fixedPrefs = Prefs("Prefs", "Maturity.Teen", "Tone.Neutral", "Maturity.Teen");
        var kids = Prefs("KidsPrefs", "Maturity.General", "{|PAC0001:Tone.Playful|}", "Maturity.Teen");
        var fixedKids = Prefs("KidsPrefs", "Maturity.General", "Tone.Friendly", "Maturity.Teen");

        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            [Law, Org, prefs, kids],
            [Law, FixedOrg, fixedPrefs, fixedKids],
            [],
            [
                Verify.Diagnostic("PAC0001").WithLocation(0)
                    .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in EU (0 to 30)"),
                Verify.Diagnostic("PAC0001").WithLocation(1)
                    .WithMessage("The default Sarcastic of Acme.Tone lies outside the EU law tier EuLaw's bound AtMost(Tone.Friendly) in EU, which allows {Neutral, Friendly}"),
            ],
            test =>
            {
                test.NumberOfIncrementalIterations = 5;

                // Fix all in document fixes one document per pass: Org, Prefs, KidsPrefs.
                test.NumberOfFixAllInDocumentIterations = 3;

                // Fix all in project or solution does everything at once.
                test.NumberOfFixAllIterations = 1;
            });
    }

    [Fact]
    public async Task Fix_all_in_the_solution_alone_matches_the_one_by_one_result()
    {
        var prefs = Prefs("Prefs", "{|PAC0001:Maturity.Mature|}", "Tone.Neutral", "{|PAC0001:Maturity.Mature|}");
        var fixedPrefs = Prefs("Prefs", "Maturity.Teen", "Tone.Neutral", "Maturity.Teen");

        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            [Law, Org, prefs],
            [Law, FixedOrg, fixedPrefs],
            [],
            [Verify.Diagnostic("PAC0001").WithLocation(0), Verify.Diagnostic("PAC0001").WithLocation(1)],
            test =>
            {
                test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
                test.NumberOfIncrementalIterations = 4;
                test.NumberOfFixAllIterations = 1;
                test.ExpectedDiagnostics[0] = test.ExpectedDiagnostics[0]
                    .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in EU (0 to 30)");
                test.ExpectedDiagnostics[1] = test.ExpectedDiagnostics[1]
                    .WithMessage("The default Sarcastic of Acme.Tone lies outside the EU law tier EuLaw's bound AtMost(Tone.Friendly) in EU, which allows {Neutral, Friendly}");
            });
    }
}
