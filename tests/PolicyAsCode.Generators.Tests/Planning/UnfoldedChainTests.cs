using System.Linq;
using PolicyAsCode.Generators.Planning;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>A dimension whose bounds read more context tests than a table may fold is planned, and printed, as its chain.</summary>
public sealed class UnfoldedChainTests
{
    private static readonly SourceFile[] SevenConditions =
    [
        new("Seven.cs", """
            using PolicyAsCode;

            namespace Seven;

            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(30, When = Fact.Minor)]
                [AtMost(29, When = Fact.ConsentsToMemory)]
                [AtMost(28, When = Fact.VerifiedAdult)]
                [AtMost(27, When = Fact.RolePlay)]
                [AtMost(26, When = Fact.Vulnerable)]
                [AtMost(25, When = Fact.Professional)]
                [AtMost(24, Unless = Fact.Minor)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; } = 7;
            }
            """),
    ];

    [Fact]
    public void Seven_conditions_are_not_folded_and_every_bound_stays_in_the_chain()
    {
        var plan = EvaluatorPlan.Build(GeneratorHarness.Read(GeneratorHarness.Compile(SevenConditions), "Seven.Prefs"));
        var memory = Assert.Single(plan.Dimensions);

        Assert.Null(memory.Folded);
        Assert.True(memory.CanContradict);
        Assert.Equal(7, memory.Chain.Count);
        Assert.All(memory.Chain, step => Assert.True(step.Applies.IsExpression));
        Assert.Equal(7, plan.Scope.Declared.Count(t => t.IsRead));
    }

    [Fact]
    public void The_printed_chain_compiles_without_warnings()
    {
        var outcome = GeneratorHarness.Run(SevenConditions);

        Assert.Empty(outcome.DriverDiagnostics);
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", System.StringComparison.Ordinal)).Text;
        Assert.Contains("var strict = PolicyTables.Domain0;", evaluator, System.StringComparison.Ordinal);
        Assert.Contains("if (scope.WhenMinor)", evaluator, System.StringComparison.Ordinal);
        Assert.Contains("strict = global::PolicyAsCode.Lattice.Narrow(strict, PolicyTables.Bound6, 6, ref conflict);", evaluator, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Strict0", evaluator, System.StringComparison.Ordinal);
        var problems = GeneratorHarness.WarningsAndErrors(outcome.Output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
    }
}
