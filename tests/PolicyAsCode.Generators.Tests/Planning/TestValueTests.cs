using PolicyAsCode.Generators.Planning;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>The three-way test value: always, never or an expression, simplified as it combines.</summary>
public sealed class TestValueTests
{
    private static readonly Test Minor = Test.Name("scope.WhenMinor");
    private static readonly Test Small = Test.Comparison("x < 3UL", "x >= 3UL");

    [Fact]
    public void Constants_print_as_literals_and_report_their_kind()
    {
        Assert.Equal("true", Test.Always.ToString());
        Assert.Equal("false", Test.Never.ToString());
        Assert.True(Test.Always.IsAlways);
        Assert.True(Test.Never.IsNever);
        Assert.False(Test.Always.IsExpression);
        Assert.True(Minor.IsExpression);
        Assert.Equal(Test.Always, Test.Constant(true));
        Assert.Equal(Test.Never, Test.Constant(false));
    }

    [Fact]
    public void And_drops_always_and_is_absorbed_by_never()
    {
        Assert.Equal(Minor, Test.Always.And(Minor));
        Assert.Equal(Minor, Minor.And(Test.Always));
        Assert.True(Minor.And(Test.Never).IsNever);
        Assert.True(Test.Never.And(Minor).IsNever);
        Assert.Equal(Minor, Minor.And(Minor));
        Assert.Equal("scope.WhenMinor && x < 3UL", Minor.And(Small).ToString());
    }

    [Fact]
    public void Or_drops_never_and_is_absorbed_by_always()
    {
        Assert.Equal(Minor, Test.Never.Or(Minor));
        Assert.True(Minor.Or(Test.Always).IsAlways);
        Assert.Equal("scope.WhenMinor || x < 3UL", Minor.Or(Small).ToString());
    }

    [Fact]
    public void A_negated_comparison_is_its_opposite_not_a_negation()
    {
        Assert.Equal("x >= 3UL", Small.Not().ToString());
        Assert.Equal("!scope.WhenMinor", Minor.Not().ToString());
        Assert.Equal(Small, Small.Not().Not());
        Assert.Equal(Minor, Minor.Not().Not());
        Assert.True(Test.Always.Not().IsNever);
        Assert.True(Test.Never.Not().IsAlways);
    }

    [Fact]
    public void The_eager_form_evaluates_every_operand_with_the_same_grouping()
    {
        var law = Test.Name("scope.EuLawApplies");
        var test = Minor.And(Small).Or(law.And(Small.Not()));

        Assert.Equal("(scope.WhenMinor && x < 3UL) || (scope.EuLawApplies && x >= 3UL)", test.ToString());
        Assert.Equal("(scope.WhenMinor & x < 3UL) | (scope.EuLawApplies & x >= 3UL)", test.Eager);
        Assert.Equal("!((scope.WhenMinor & x < 3UL) | (scope.EuLawApplies & x >= 3UL))", test.Not().Eager);
        Assert.Equal(test.Eager, test.Not().Not().Eager);
        Assert.Equal("scope.EuLawApplies | scope.WhenMinor & x < 3UL", law.Or(Minor.And(Small)).Eager.Replace("(", string.Empty, System.StringComparison.Ordinal).Replace(")", string.Empty, System.StringComparison.Ordinal));
        Assert.Equal("x >= 3UL", Small.Not().Eager);
        Assert.Equal("true", Test.Always.Eager);
        Assert.Equal("false", Test.Never.Eager);
    }

    [Fact]
    public void A_negated_conjunction_is_parenthesised_once()
    {
        var both = Minor.And(Small);

        Assert.Equal("!(scope.WhenMinor && x < 3UL)", both.Not().ToString());
        Assert.Equal(both, both.Not().Not());
    }

    [Fact]
    public void A_conjunction_inside_a_disjunction_and_the_reverse_are_parenthesised()
    {
        var law = Test.Name("scope.EuLawApplies");

        Assert.Equal("!scope.EuLawApplies || (x >= 0 && x <= 14)", Test.Implies(law, Test.Comparison("x >= 0", "x < 0").And(Test.Comparison("x <= 14", "x > 14"))).ToString());
        Assert.Equal("(scope.WhenMinor || x < 3UL) && scope.EuLawApplies", Minor.Or(Small).And(law).ToString());
    }

    [Fact]
    public void Implies_holds_where_its_premise_does_not()
    {
        Assert.Equal(Small, Test.Implies(Test.Always, Small));
        Assert.True(Test.Implies(Test.Never, Small).IsAlways);
        Assert.True(Test.Implies(Minor, Test.Always).IsAlways);
        Assert.Equal("!scope.WhenMinor", Test.Implies(Minor, Test.Never).ToString());
    }

    [Fact]
    public void All_and_any_of_nothing_are_the_identities()
    {
        Assert.True(Test.All([]).IsAlways);
        Assert.True(Test.Any([]).IsNever);
        Assert.True(Test.All([Minor, Test.Never, Small]).IsNever);
        Assert.True(Test.Any([Minor, Test.Always, Small]).IsAlways);
        Assert.Equal("scope.WhenMinor && x < 3UL", Test.All([Test.Always, Minor, Small]).ToString());
    }
}
