using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>
/// The never-widen promise of the fixes (issue 12) with laws within laws (issue 14): a fix on a DE law's or on an
/// organisation's bound under DE law leaves what every user may choose the same or narrower in EU, in DE and where no
/// jurisdiction matched (every law applies). The same rewrites are resolved before and after in the evaluation tests
/// (NestedLawEvaluationTests), in each of those jurisdictions.
/// </summary>
public class NestedLawFixesNeverWidenTests
{
    private static string Policy(string euBounds, string deMember, string orgMember = "") => $$"""
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
        {{euBounds}}    public int MemoryDays { get; init; }
        }

        [ImmutableTier("DE", Within = [typeof(EuLaw)])]
        public partial record DeLaw
        {
        {{deMember}}
        }

        [OrganisationTier("acme", Within = [typeof(DeLaw)])]
        public partial record Acme
        {
        {{orgMember}}
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }
        }
        """;

    private const string EuThirty = "    [Between(0, 30)]\n";
    private const string DeFourteen = "    [Between(0, 14)]\n    public int MemoryDays { get; init; }";

    [Fact]
    public async Task A_DE_lock_outside_EU_law_is_rewritten_only_to_what_DE_grants_today()
    {
        // Locked(90) contradicts EU law, so in DE (and where no jurisdiction matched) resolution skips it and grants the
        // strictest value EU law allows, 0. Clamping to 30 would grant 30 there: wider. Locked(0) grants what DE grants
        // today, and DE law does not apply in EU, so EU is unchanged.
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(EuThirty, "    [Locked({|#0:90|})]\n    public int MemoryDays { get; init; }"),
            Policy(EuThirty, "    [Locked(0)]\n    public int MemoryDays { get; init; }"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("the DE law tier DeLaw's Locked(90) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in DE within EU (0 to 30)"));
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_DE_bound_whose_every_rewrite_grants_more_in_DE()
    {
        // EU law caps minors at 7; DE's AtLeast(14) holds for everyone else (14 to 30). Rewriting it to AtLeast(7) or
        // AtLeast(0) would let those users choose less than 14 in DE: wider, so nothing is offered.
        var source = Policy(EuThirty + "    [AtMost(7, When = Fact.Minor)]\n", "    [AtLeast({|PAC0012:14|})]\n    public int MemoryDays { get; init; }");
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(source, source);
    }

    [Fact]
    public async Task A_DE_default_outside_EU_law_is_clamped_to_the_nearest_value_EU_law_allows()
    {
        // A default is a request, not a bound: writing another one changes no user's choices anywhere.
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(EuThirty, "    public int MemoryDays { get; init; } = {|#0:60|};"),
            Policy(EuThirty, "    public int MemoryDays { get; init; } = 30;"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("The default 60 of DeLaw.MemoryDays lies outside the EU law tier EuLaw's bound Between(0, 30) in DE within EU, which allows 0 to 30"));
    }

    [Fact]
    public async Task An_organisation_bound_with_no_effect_under_DE_law_still_narrows_EU_and_is_not_removed()
    {
        // The organisation is deployed under DE law and so under EU law. In DE, DE's 0 to 14 leaves its 0 to 20 nothing
        // to do; in EU it narrows 0 to 30 to 0 to 20, and removing it would widen EU.
        var source = Policy(EuThirty, DeFourteen, "    [{|#0:Between(0, 20)|}]\n    public int MemoryDays { get; init; }");
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            source,
            source,
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 20) on MemoryDays is no narrower than the DE law tier DeLaw's Between(0, 14) in DE within EU, so it has no effect there (0 to 14 is allowed either way)"));
    }

    [Fact]
    public async Task An_organisation_bound_with_no_effect_under_EU_and_DE_law_is_removed()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            Policy(EuThirty, DeFourteen, "    [{|#0:Between(0, 40)|}]\n    public int MemoryDays { get; init; }"),
            Policy(EuThirty, DeFourteen, "    public int MemoryDays { get; init; }"),
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 40) on MemoryDays is no narrower than the EU law tier EuLaw's Between(0, 30) in EU, so it has no effect there (0 to 30 is allowed either way)"),
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 40) on MemoryDays is no narrower than the EU law tier EuLaw's Between(0, 30) in DE within EU, so it has no effect there (0 to 14 is allowed either way)"));
    }

    [Fact]
    public async Task An_organisation_lock_outside_EU_law_is_clamped_to_a_value_both_laws_allow()
    {
        // Locked(40) is skipped in EU (grants 0) and in DE (grants 0). Clamping to 30 would grant 30 in EU and be
        // skipped again in DE; Locked(14) would grant 14 in EU. Only what is granted today everywhere is offered.
        await Verify.CodeFixAsync<ClampToAllowedValueFix>(
            Policy(EuThirty, DeFourteen, "    [Locked({|#0:40|})]\n    public int MemoryDays { get; init; }"),
            Policy(EuThirty, DeFourteen, "    [Locked(0)]\n    public int MemoryDays { get; init; }"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in EU (0 to 30)"),
            Verify.Diagnostic("PAC0001").WithLocation(0)
                .WithMessage("organisation acme's Locked(40) on MemoryDays leaves no value that the EU law tier EuLaw's Between(0, 30) allows in DE within EU (0 to 14)"));
    }
}
