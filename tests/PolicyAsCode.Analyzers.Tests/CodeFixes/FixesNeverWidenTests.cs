using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>
/// The regression of issue 12: in a policy deployed in the EU and the US, PAC0002 said an organisation bound had no
/// effect under one law, and its fix removed the bound, widening the policy under the other. A removal is now offered
/// only where it changes nothing a user may choose in any jurisdiction or context.
/// </summary>
public class FixesNeverWidenTests
{
    private static string Policy(string orgBound) => $$"""
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [Between(0, 30)]
            public int MemoryDays { get; init; }
        }

        [ImmutableTier("US")]
        public partial record UsLaw
        {
            [Between(0, 365)]
            public int MemoryDays { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
        public partial record Acme
        {
        {{orgBound}}    public int MemoryDays { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.PrivacyInfringement)]
            public int MemoryDays { get; init; }
        }
        """;

    [Fact]
    public async Task A_bound_with_no_effect_in_one_jurisdiction_is_reported_there_but_not_removed()
    {
        var source = Policy("    [{|#0:Between(0, 60)|}]\n");
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            source,
            source,
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 60) on MemoryDays is no narrower than the EU law tier EuLaw's Between(0, 30) in EU, so it has no effect there (0 to 30 is allowed either way)"));
    }

    [Fact]
    public async Task A_bound_with_no_effect_in_every_jurisdiction_is_removed()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            Policy("    [{|#0:Between(0, 400)|}]\n"),
            Policy(string.Empty),
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 400) on MemoryDays is no narrower than the EU law tier EuLaw's Between(0, 30) in EU, so it has no effect there (0 to 30 is allowed either way)"),
            Verify.Diagnostic("PAC0002").WithLocation(0)
                .WithMessage("organisation acme's Between(0, 400) on MemoryDays is no narrower than the US law tier UsLaw's Between(0, 365) in US, so it has no effect there (0 to 365 is allowed either way)"));
    }
}
