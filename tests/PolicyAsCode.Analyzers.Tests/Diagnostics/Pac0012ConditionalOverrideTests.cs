using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// PAC0012: a lower tier's rule that a higher tier's conditional bound overrides in some contexts only, found by
/// checking every jurisdiction and every combination of the facts the dimension's bounds mention.
/// </summary>
public class Pac0012ConditionalOverrideTests
{
    private static string Policy(string law, string org, string prefs = "public Maturity Maturity { get; init; }", string header = "") => $$"""
        using PolicyAsCode;
        {{header}}
        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
        {{law}}
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
        {{org}}
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            {{prefs}}
        }
        """;

    private const string MinorsGetTeen = "    [AtMost(Maturity.Teen, When = Fact.Minor)]\n    public Maturity Maturity { get; init; }";

    [Fact]
    public async Task An_organisation_lock_under_a_law_bound_for_minors_is_reported_with_the_witness()
    {
        await Verify.AnalyzerAsync(
            Policy(MinorsGetTeen, "    [Locked({|#0:Maturity.Mature|})]\n    public Maturity Maturity { get; init; }"),
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("organisation acme's Locked(Maturity.Mature) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) (when Minor) allows in EU when Minor holds ({General, Teen}); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task A_conflict_that_needs_two_facts_names_both()
    {
        await Verify.AnalyzerAsync(
            Policy(
                "    [AtMost(Maturity.Teen, WhenAll = Fact.Minor | Fact.RolePlay)]\n    public Maturity Maturity { get; init; }",
                "    [AtLeast({|#0:Maturity.Mature|}, Unless = Fact.VerifiedAdult)]\n    public Maturity Maturity { get; init; }"),
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("organisation acme's AtLeast(Maturity.Mature) (unless VerifiedAdult) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) (when Minor and RolePlay) allows in EU when Minor holds and VerifiedAdult does not hold and RolePlay holds ({General, Teen}); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task A_conditional_organisation_bound_that_conflicts_wherever_it_applies_stays_PAC0001()
    {
        await Verify.AnalyzerAsync(
            Policy(
                "    [AtMost(Maturity.Teen)]\n    public Maturity Maturity { get; init; }",
                "    [Locked({|#0:Maturity.Mature|}, When = Fact.VerifiedAdult)]\n    public Maturity Maturity { get; init; }"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(Maturity.Mature) (when VerifiedAdult) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) allows in EU ({General, Teen})"));
    }

    private const string AdultsGetMature = "    [Locked({|#0:Maturity.Mature|}, When = Fact.VerifiedAdult)]\n    public Maturity Maturity { get; init; }";

    [Fact]
    public async Task Without_a_declaration_the_first_witness_may_be_a_context_that_cannot_occur()
    {
        await Verify.AnalyzerAsync(
            Policy(MinorsGetTeen, AdultsGetMature),
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("organisation acme's Locked(Maturity.Mature) (when VerifiedAdult) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) (when Minor) allows in EU when Minor holds and VerifiedAdult holds ({General, Teen}); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task Facts_declared_never_to_hold_together_are_never_named_as_the_witness()
    {
        // Unknown facts apply restricting bounds, so the conflict remains where either fact is unknown: the declaration
        // removes only the impossible context, and the message names one that can occur.
        await Verify.AnalyzerAsync(
            Policy(MinorsGetTeen, AdultsGetMature, header: "[assembly: NeverTogether(Fact.Minor, Fact.VerifiedAdult)]"),
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("organisation acme's Locked(Maturity.Mature) (when VerifiedAdult) on Maturity leaves no value that the EU law tier EuLaw's AtMost(Maturity.Teen) (when Minor) allows in EU when Minor holds and VerifiedAdult is unknown ({General, Teen}); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task A_declaration_naming_fewer_than_two_facts_is_an_error()
    {
        await Verify.AnalyzerAsync(Policy(MinorsGetTeen, "    public Maturity Maturity { get; init; }", header: "[assembly: {|#0:NeverTogether(Fact.Minor)|}]"),
            Verify.Diagnostic("PAC0005").WithLocation(0)
                .WithMessage("[NeverTogether] must name at least two distinct single facts (e.g. Fact.Minor, Fact.VerifiedAdult)"));
    }

    [Fact]
    public async Task A_user_default_that_a_conditional_law_merely_clamps_is_not_an_error()
    {
        await Verify.AnalyzerAsync(Policy(MinorsGetTeen, "    public Maturity Maturity { get; init; }", "public Maturity Maturity { get; init; } = Maturity.Mature;"));
    }

    [Fact]
    public async Task A_default_broken_everywhere_names_the_bound_that_breaks_it_everywhere_not_the_conditional_one()
    {
        // The law's minors-only cap also excludes Mature, but only where minority holds or is unknown; the
        // organisation's cap excludes it in every context, so the message names the organisation (as the template's
        // end-to-end test expects).
        await Verify.AnalyzerAsync(
            Policy(MinorsGetTeen, "    [AtMost(Maturity.Teen)]\n    public Maturity Maturity { get; init; }", "public Maturity Maturity { get; init; } = {|#0:Maturity.Mature|};"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default Mature of Prefs.Maturity lies outside organisation acme's bound AtMost(Maturity.Teen), which allows {General, Teen}"));
    }

    [Fact]
    public async Task A_user_bound_under_a_conditional_organisation_bound_is_reported()
    {
        await Verify.AnalyzerAsync(
            Policy(
                "    [AtMost(Maturity.Mature)]\n    public Maturity Maturity { get; init; }",
                "    [AtMost(Maturity.General, Unless = Fact.VerifiedAdult)]\n    public Maturity Maturity { get; init; }",
                "[AtLeast({|#0:Maturity.Teen|})]\n    public Maturity Maturity { get; init; } = Maturity.Teen;"),
            Verify.Diagnostic("PAC0012").WithLocation(0)
                .WithMessage("user tier Prefs's AtLeast(Maturity.Teen) on Maturity leaves no value that organisation acme's AtMost(Maturity.General) (unless VerifiedAdult) allows in EU when VerifiedAdult does not hold ({General}); there resolution skips it and grants the strictest value the tiers above allow"));
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_lock_whose_rewrite_would_grant_more_than_failing_closed()
    {
        // Minors are capped at Teen; elsewhere the lock holds. Any other locked value changes what users get where the
        // lock holds today, so no rewrite is the same or narrower everywhere.
        var source = Policy(MinorsGetTeen, "    [Locked({|PAC0012:Maturity.Mature|})]\n    public Maturity Maturity { get; init; }");
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(source, source);
    }
}
