using System;
using System.Linq;
using PolicyAsCode.Generators.Planning;
using PolicyAsCode.Generators.Tests.Infrastructure;
using PolicyAsCode.TestSupport;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>
/// The hazard rules as table rows (<see cref="HazardRows"/>): which hazards the rules forbid in each matched
/// jurisdiction (and none) and each combination of their conditions, worked out from the semantics' answer to which
/// tiers apply where; none past the row limit.
/// </summary>
public sealed class HazardRowsTests
{
    private static readonly Lazy<Microsoft.CodeAnalysis.CSharp.CSharpCompilation> Compilation = new(() =>
        GeneratorHarness.Compile([new SourceFile("Policies.cs", HazardRulePolicies.Source)]));

    private static EvaluatorPlan PlanOf(string userTier) => EvaluatorPlan.Build(GeneratorHarness.Read(Compilation.Value, userTier));

    [Fact]
    public void Each_row_holds_the_rules_of_the_laws_that_apply_there_whose_conditions_restrict()
    {
        var plan = PlanOf("FewConditions.Prefs");
        var rows = plan.HazardRows!;

        // Two conditions (minor; unless a verified adult), in the order the rules name them: bit 0 and bit 1.
        Assert.Equal(["scope.WhenMinor", "scope.UnlessVerifiedAdult"], rows.Conditions.Select(c => c.ToString()));
        var jurisdictions = plan.Policy.Jurisdictions.ToList();
        Assert.Equal((jurisdictions.Count + 1) << 2, rows.Rows.Count);

        // The shipped hazards' bits: Defamation 16, SpecializedAdvice 32, Privacy 64, SexualContent 2048; EU law always
        // forbids Hate and Elections (512, 4096).
        const ulong euAlways = 512 | 4096, sexual = 2048, defamation = 16, privacy = 64, advice = 32;
        ulong Row(string? jurisdiction, bool minor, bool notVerified) =>
            rows.Rows[((jurisdiction is null ? 0 : jurisdictions.IndexOf(jurisdiction) + 1) << 2) | (minor ? 1 : 0) | (notVerified ? 2 : 0)];

        // The organisation's rule everywhere; EU law in the EU and in DE, within it; every law where none matched.
        Assert.Equal(advice | euAlways, Row("EU", minor: false, notVerified: true));
        Assert.Equal(advice | euAlways | sexual, Row("EU", minor: true, notVerified: false));
        Assert.Equal(advice | euAlways | sexual | defamation, Row("DE", minor: true, notVerified: true));
        Assert.Equal(advice | euAlways, Row("DE", minor: false, notVerified: false));
        Assert.Equal(advice | privacy, Row("US", minor: true, notVerified: true));
        Assert.Equal(advice, Row("US", minor: false, notVerified: true));
        Assert.Equal(advice | euAlways | sexual | defamation | privacy, Row(null, minor: true, notVerified: true));
        Assert.Equal(advice | euAlways, Row(null, minor: false, notVerified: false));
    }

    [Fact]
    public void Past_the_row_limit_there_is_no_table()
    {
        // Ten conditions on the rules and two jurisdictions: 3 << 10 rows, computed from the policy as read.
        var plan = PlanOf("ManyConditions.Prefs");

        var conditions = plan.Policy.Forbids.Where(f => !f.IsUsersOwn).Select(f => (f.When, f.Unless)).Distinct().Count();
        Assert.Equal(2, plan.Policy.Jurisdictions.Count);
        Assert.Equal(10, conditions);
        Assert.True((plan.Policy.Jurisdictions.Count + 1) << conditions > HazardRows.MaxRows, "the policy no longer passes the row limit");
        Assert.Null(plan.HazardRows);
    }
}
