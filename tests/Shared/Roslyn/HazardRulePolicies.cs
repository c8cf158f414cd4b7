namespace PolicyAsCode.TestSupport;

/// <summary>
/// Two policies in one source for the hazard rules' table rows (the generator's <c>HazardRows</c>): FewConditions,
/// nested laws whose rules carry two conditions (a table of rows), and ManyConditions, whose rules carry ten (past the
/// table's limit, so the gate tests each rule). Linked into the test projects that set <c>UsesRoslynTestSupport</c>.
/// </summary>
internal static class HazardRulePolicies
{
    /// <summary>The source, one file: user tiers <c>FewConditions.Prefs</c> and <c>ManyConditions.Prefs</c>.</summary>
    public const string Source = """
        using PolicyAsCode;

        namespace ManyConditions
        {
            [ImmutableTier("EU")]
            [Forbid(Hazard.Hate, When = Fact.Minor)]
            [Forbid(Hazard.Elections, When = Fact.ConsentsToMemory)]
            [Forbid(Hazard.Privacy, When = Fact.VerifiedAdult)]
            [Forbid(Hazard.Defamation, When = Fact.RolePlay)]
            [Forbid(Hazard.SexualContent, When = Fact.Vulnerable)]
            public partial record EuLaw
            {
                [AtMost(30)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("US")]
            [Forbid(Hazard.ViolentCrimes, When = Fact.Professional)]
            [Forbid(Hazard.NonViolentCrimes, Unless = Fact.ConsentsToFeedbackTraining)]
            [Forbid(Hazard.SpecializedAdvice, When = Fact.Custom1)]
            [Forbid(Hazard.IntellectualProperty, When = Fact.Custom2, Unless = Fact.Custom3)]
            public partial record UsLaw
            {
                [AtMost(60)]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(UsLaw)])]
            [Forbid(Hazard.CodeInterpreterAbuse, When = Fact.Custom4)]
            public partial record Acme
            {
                [AtMost(20)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }

                public Hazard AvoidHazards { get; init; }
            }
        }

        namespace FewConditions
        {
            [ImmutableTier("EU")]
            [Forbid(Hazard.Hate | Hazard.Elections)]
            [Forbid(Hazard.SexualContent, When = Fact.Minor)]
            public partial record EuLaw
            {
                [AtMost(30)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("DE", Within = [typeof(EuLaw)])]
            [Forbid(Hazard.Defamation, Unless = Fact.VerifiedAdult)]
            public partial record DeLaw
            {
                [AtMost(14)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("US")]
            [Forbid(Hazard.Privacy, When = Fact.Minor)]
            public partial record UsLaw
            {
                [AtMost(60)]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(DeLaw), typeof(UsLaw)])]
            [Forbid(Hazard.SpecializedAdvice)]
            public partial record Acme
            {
                [AtMost(20)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }

                public Hazard AvoidHazards { get; init; }
            }
        }
        """;
}
