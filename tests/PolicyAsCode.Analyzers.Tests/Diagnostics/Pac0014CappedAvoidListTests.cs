using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>PAC0014: no compiled tier may cap the hazards a user asks to avoid (issue 19, point 1).</summary>
public class Pac0014CappedAvoidListTests
{
    [Fact]
    public async Task Pac0014_an_organisation_or_a_law_capping_the_users_hazard_list_is_an_error()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [{|#1:Allowed(Hazard.Hate, Hazard.Privacy, When = Fact.Minor)|}]
                public Hazard AvoidHazards { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [{|#0:Locked(Hazard.None)|}]
                public Hazard AvoidHazards { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Hazard AvoidHazards { get; init; }
            }
            """,
            Verify.Diagnostic("PAC0014").WithLocation(1)
                .WithMessage("the EU law tier EuLaw's Allowed(Hazard.Hate, Hazard.Privacy) (when Minor) caps the hazards a user may ask to avoid on AvoidHazards: users could no longer avoid "
                    + "ViolentCrimes | NonViolentCrimes | SexRelatedCrimes | ChildSexualExploitation | Defamation | SpecializedAdvice | IntellectualProperty | IndiscriminateWeapons | SuicideAndSelfHarm | SexualContent | Elections | CodeInterpreterAbuse; "
                    + "a tier may require hazards on the list (AtLeast) or forbid them ([Forbid]), never cap it"),
            Verify.Diagnostic("PAC0014").WithLocation(0)
                .WithMessage("organisation acme's Locked(Hazard.None) caps the hazards a user may ask to avoid on AvoidHazards: users could no longer avoid "
                    + "ViolentCrimes | NonViolentCrimes | SexRelatedCrimes | ChildSexualExploitation | Defamation | SpecializedAdvice | Privacy | IntellectualProperty | IndiscriminateWeapons | Hate | SuicideAndSelfHarm | SexualContent | Elections | CodeInterpreterAbuse; "
                    + "a tier may require hazards on the list (AtLeast) or forbid them ([Forbid]), never cap it"));
    }

    [Fact]
    public async Task Pac0014_requiring_hazards_on_the_list_is_not_a_cap()
    {
        await Verify.AnalyzerAsync(
            """
            using PolicyAsCode;

            namespace Demo;

            [ImmutableTier("EU")]
            [Forbid(Hazard.ChildSexualExploitation, Reason = "illegal")]
            public partial record EuLaw
            {
                [AtLeast(Hazard.Hate, When = Fact.Minor)]
                public Hazard AvoidHazards { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Enables(Benefit.Autonomy)]
                public Hazard AvoidHazards { get; init; }
            }
            """);
    }
}
