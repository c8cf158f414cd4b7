using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Testing;

/// <summary>Assertions on cases, for xUnit (or any test framework: a failure is a <see cref="PolicyCaseFailedException"/>).</summary>
public static class PolicyCaseAssert
{
    /// <summary>Runs a case against the compiled policy <typeparamref name="T"/> and fails with the differences unless it passes.</summary>
    /// <typeparam name="T">The user-tier record.</typeparam>
    /// <param name="policyCase">The case.</param>
    /// <exception cref="PolicyCaseFailedException">The policy did not do what the case expects.</exception>
    /// <exception cref="PolicyCaseException">The case names something the policy does not have.</exception>
    public static void Passes<T>(PolicyCase policyCase)
        where T : class, IUserTierPolicy<T>
    {
        var result = PolicyCaseRunner.Run<T>(policyCase);
        if (!result.Passed)
        {
            throw new PolicyCaseFailedException(result.Report());
        }
    }

    /// <summary>
    /// Runs every case against <typeparamref name="T"/> and fails, listing them, unless together they exercise every
    /// bound, waiver and hazard rule of the policy (docs/testing-policies.md). Whether each case passes is
    /// <see cref="Passes{T}"/>'s to check.
    /// </summary>
    /// <exception cref="PolicyCaseFailedException">Some rule was never exercised.</exception>
    public static PolicyCoverage ExercisesEveryRule<T>(IEnumerable<PolicyCase> cases)
        where T : class, IUserTierPolicy<T>
    {
        var coverage = PolicyCoverage.Of<T>(cases);
        if (coverage.NeverExercised.Any())
        {
            throw new PolicyCaseFailedException(coverage.ToText());
        }

        return coverage;
    }
}
