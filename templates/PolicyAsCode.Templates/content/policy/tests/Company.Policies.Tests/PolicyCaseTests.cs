using PolicyAsCode.Testing;

namespace Company.Policies.Tests;

/// <summary>
/// The policy's behaviour as cases (cases/*.yaml): each case is a request and what the policy must make of it, run
/// here against the compiled policy and by `pac test` against the built assembly. A case that fails prints what
/// differed and each adjustment explained.
/// </summary>
public class PolicyCaseTests
{
    [Theory]
    [PolicyCases("cases")]
    public void Case(PolicyCase policyCase) => PolicyCaseAssert.Passes<UserPreferences>(policyCase);

    /// <summary>
    /// Every bound, waiver and hazard rule is put to the test by some case: a new rule without a case fails here,
    /// listing it in the words of the policy card.
    /// </summary>
    [Fact]
    public void The_cases_exercise_every_bound_waiver_and_hazard_rule() =>
        PolicyCaseAssert.ExercisesEveryRule<UserPreferences>(PolicyCaseFile.Read("cases"));
}
