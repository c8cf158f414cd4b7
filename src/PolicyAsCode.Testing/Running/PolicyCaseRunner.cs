using PolicyAsCode.Json;

namespace PolicyAsCode.Testing;

/// <summary>
/// Runs cases against a policy. Two ways in, one way out: <see cref="Run{T}"/> evaluates with the compiled policy (the
/// generated <c>ReadPreferences</c>, <c>Resolve</c> and <c>Decide</c> of the user tier, as a service runs it), and
/// <see cref="Run(PolicyRegistry, PolicyCase)"/> with the reference interpreter over a registry (as <c>pac test</c>
/// does, on an assembly it never loads); both hand what the policy did to the same comparison, report and coverage.
/// </summary>
public static class PolicyCaseRunner
{
    /// <summary>Runs a case against the compiled policy <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The user-tier record.</typeparam>
    /// <param name="policyCase">The case.</param>
    /// <exception cref="PolicyCaseException">The case names something the policy does not have.</exception>
    public static PolicyCaseResult Run<T>(PolicyCase policyCase)
        where T : class, IUserTierPolicy<T>
    {
        var bound = BoundCase.Bind(T.Registry, policyCase);
        var context = bound.Context;
        var read = T.ReadPreferences(bound.Preferences, context);
        var resolution = T.Resolve(read.Requested, context, read.Unreadable);
        Decision? decision = bound.Decides ? T.Decide(resolution, bound.Detected) : null;
        return Finish(bound, new CaseOutcome(
            T.Encode(read.Requested), read.Unreadable, read.Errors, T.Encode(resolution.Effective), resolution.Adjustments, resolution.ActiveForbids, decision));
    }

    /// <summary>Runs a case against a policy's registry with the reference interpreter (<see cref="PolicyInterpreter"/>).</summary>
    /// <param name="registry">The policy.</param>
    /// <param name="policyCase">The case.</param>
    /// <exception cref="PolicyCaseException">The case names something the policy does not have.</exception>
    public static PolicyCaseResult Run(PolicyRegistry registry, PolicyCase policyCase)
    {
        var bound = BoundCase.Bind(registry, policyCase);
        var context = bound.Context;
        var interpreter = new PolicyInterpreter(registry);
        var read = PreferencesJson.Read(registry, bound.Preferences, context);
        var resolution = interpreter.Resolve(read.Requested, context, read.Unreadable);
        Decision? decision = bound.Decides ? interpreter.Decide(resolution, bound.Detected) : null;
        return Finish(bound, new CaseOutcome(
            read.Requested, read.Unreadable, read.Errors, resolution.Effective, resolution.Adjustments, resolution.ActiveForbids, decision));
    }

    /// <summary>
    /// Checks that a case is about <paramref name="registry"/>'s policy (its jurisdiction, dimensions, tiers, bounds,
    /// rules and hazards exist) without running it, so a tool can reject a whole file before running any case.
    /// </summary>
    /// <exception cref="PolicyCaseException">The case names something the policy does not have.</exception>
    public static void Check(PolicyRegistry registry, PolicyCase policyCase) => BoundCase.Bind(registry, policyCase);

    private static PolicyCaseResult Finish(BoundCase bound, CaseOutcome outcome) =>
        new(bound.Case, CaseComparison.Compare(bound, outcome), CaseComparison.Describe(bound, outcome), Exercise.Of(bound, outcome));
}
