using System.Linq;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The gate's <c>Admits</c> reads the hazard rules as table rows, one per matched jurisdiction and combination of the
/// rules' conditions (<c>PolicyTables.HazardRows</c>); a policy whose rules carry so many conditions that the table
/// would pass 1,024 rows tests each rule instead, as <c>Forbidden</c> does. Either way it answers as resolving and
/// deciding does, in every jurisdiction and context the differential cases draw (near misses and unmatched codes too).
/// </summary>
public sealed class HazardRowsTests(ITestOutputHelper output)
{
    [Fact]
    public void Admits_answers_as_resolve_and_decide_with_rows_and_without()
    {
        using var compiled = PolicyCompiler.Compile("HazardRows", [("Policies.cs", HazardRulePolicies.Source)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));

        // Past the limit the gate tests each rule; within it, it reads the row its scope picked.
        Assert.DoesNotContain("HazardRows", Generated(compiled, "ManyConditions.Prefs"), System.StringComparison.Ordinal);
        Assert.Contains("PolicyTables.HazardRows[row]", Generated(compiled, "FewConditions.Prefs"), System.StringComparison.Ordinal);

        compiled.Check(typeof(HazardRowsTests), nameof(CheckAdmits), "ManyConditions.Prefs", output);
        compiled.Check(typeof(HazardRowsTests), nameof(CheckAdmits), "FewConditions.Prefs", output);
    }

    private static string Generated(CompiledPolicies compiled, string userTier) =>
        compiled.GeneratedTrees.Single(t => t.FilePath.EndsWith(userTier + ".Policy.g.cs", System.StringComparison.Ordinal)).ToString();

    private static void CheckAdmits<T>(ITestOutputHelper output)
        where T : class, IUserTierPolicy<T>
    {
        // Every case checks Admits on several detected sets against Decide(Resolve(...)), and the resolution against the interpreter.
        var cases = Differential.Run<T>(seed: 11, cases: 50_000, coverage: null);
        output.WriteLine($"{typeof(T).FullName}: {cases} cases");
        Assert.Equal(50_000, cases);
    }
}
