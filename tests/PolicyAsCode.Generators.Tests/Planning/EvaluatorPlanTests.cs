using System;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Planning;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>What the evaluator plan decides for known policies, before anything is printed.</summary>
public sealed class EvaluatorPlanTests
{
    private static readonly Lazy<EvaluatorPlan> QuickStartPlan = new(() =>
        EvaluatorPlan.Build(GeneratorHarness.Read(GeneratorHarness.Compile(QuickStart.Sources()), QuickStart.UserTier)));

    private static EvaluatorPlan Plan => QuickStartPlan.Value;

    private static DimensionPlan Dimension(string name) => Plan.Dimensions.Single(d => d.Dimension.Name == name);

    private static EvaluatorPlan PlanOf(SourceFile[] sources, string userTier) =>
        EvaluatorPlan.Build(GeneratorHarness.Read(GeneratorHarness.Compile(sources), userTier));

    [Fact]
    public void A_dimension_without_bounds_is_only_tested_for_its_domain()
    {
        var verbosity = Dimension("Verbosity");

        Assert.Empty(verbosity.Chain);
        Assert.Equal(verbosity.Dimension.Domain, verbosity.Always);
        Assert.False(verbosity.CanContradict);
        Assert.False(verbosity.Waivable);
        Assert.True(verbosity.Inside.IsAlways);
        Assert.Equal("value2 < 3UL", verbosity.FastPath.Inside.ToString());
        Assert.False(verbosity.Folded!.SelectsByContext);
    }

    [Fact]
    public void A_dimension_with_one_unconditional_bound_tests_it_as_a_constant()
    {
        var tone = Dimension("Tone");

        Assert.True(tone.Inside.IsExpression);
        Assert.False(tone.Folded!.SelectsByContext);
        Assert.Equal("value1 < 4UL && ((0x7UL >> (int)value1) & 1UL) != 0UL", tone.FastPath.Inside.ToString());
    }

    [Fact]
    public void Only_a_dimension_bound_alike_in_every_context_and_never_waived_resolves_against_constants()
    {
        // Maturity's four bounds, two of them for minors, narrow to AtMost(Teen) in every context: the organisation's cap.
        Assert.Equal(0x3UL, Dimension("Maturity").Constant!.Strict.Ceiling);
        Assert.Equal(0.8, Dimension("Creativity").Constant!.Strict.Hi);
        Assert.Equal(Dimension("Verbosity").Dimension.Domain, Dimension("Verbosity").Constant!.Strict);

        // Planned with the runtime's Lattice, not by the emitter: Mature clamps to Teen, an unreadable value gets General.
        Assert.Equal([0, 1, 1], Dimension("Maturity").Constant!.ClampedPositions);
        Assert.Equal(0, Dimension("Maturity").Constant!.Strictest.Position);
        Assert.Null(Dimension("Verbosity").Constant!.ClampedPositions); // nothing bounds it: granted as asked

        // MemoryDays' bound depends on the context, and the user may waive DiscloseAi's lock in a role-play.
        Assert.Null(Dimension("MemoryDays").Constant);
        Assert.Null(Dimension("DiscloseAi").Constant);
    }

    [Fact]
    public void The_always_bound_intersects_the_unconditional_bounds_and_conditional_ones_are_guarded()
    {
        var memory = Dimension("MemoryDays");

        // EU Between(0, 30), contoso AtMost(14), the user's Between(0, 365); the Locked(0) bounds are conditional.
        Assert.Equal(0, memory.Always.Lo);
        Assert.Equal(14, memory.Always.Hi);
        Assert.Equal(
            "value4 >= 0 && value4 <= 14 && (!scope.EuLawUnlessConsentsToMemory || value4 <= 0) && (!scope.UsLawWhenMinor || value4 <= 0) && (!scope.DeLawWhenMinor || value4 <= 0)",
            memory.FastPath.Inside.ToString());
        Assert.True(memory.Folded!.SelectsByContext);
        Assert.Equal(["scope.EuLawApplies", "scope.EuLawUnlessConsentsToMemory", "scope.UsLawWhenMinor", "scope.DeLawWhenMinor"], memory.Folded.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void A_waivable_dimension_folds_its_waiver_into_the_tables()
    {
        var disclose = Dimension("DiscloseAi");

        Assert.True(disclose.Waivable);
        Assert.False(disclose.CanContradict);
        var folded = disclose.Folded!;
        Assert.Equal(["scope.EuLawApplies", "scope.UserWaivesEuLawOnDiscloseAi", "scope.UsCaLawApplies"], folded.Keys.Select(k => k.ToString()));

        // Entry 3: EU law and its waiver, no Californian law: the relaxed chain leaves the EU's lock out.
        Assert.True(folded.Waives[3]);
        Assert.Equal(0x3UL, folded.Relaxed[3].Ceiling);
        Assert.Equal(0x2UL, folded.Strict[3].Ceiling);

        // Entry 7 adds California's lock, which is not waivable.
        Assert.True(folded.Waives[7]);
        Assert.Equal(0x2UL, folded.Relaxed[7].Ceiling);
    }

    [Fact]
    public void Scope_tests_are_named_from_the_policy_and_a_field_only_where_a_rule_reads_them()
    {
        var declared = Plan.Scope.Declared.ToDictionary(t => t.Name);

        // Computed with flags, every operand evaluated: which laws apply and which facts hold vary request by request.
        Assert.Equal("jurisdiction < 0 | jurisdiction == 0 | jurisdiction == 2", declared["EuLawApplies"].Expression);
        Assert.Equal("jurisdiction < 0 | jurisdiction == 3", declared["UsCaLawApplies"].Expression);
        Assert.Equal("euLawApplies & unlessConsentsToMemory", declared["EuLawUnlessConsentsToMemory"].Expression);
        Assert.Contains("Fact.RolePlay", declared["UserWaivesEuLawOnDiscloseAi"].Expression, StringComparison.Ordinal);

        // Only the composite reads "unless consents to memory"; the hazard rules read "when minor" themselves.
        Assert.False(declared["UnlessConsentsToMemory"].IsRead);
        Assert.True(declared["WhenMinor"].IsRead);
        Assert.True(declared["EuLawUnlessConsentsToMemory"].IsRead);
        Assert.Equal(Plan.Scope.Declared.Count, Plan.Scope.Declared.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void Hazard_rules_are_guarded_by_their_tier_and_condition()
    {
        Assert.Equal(
            ["scope.EuLawApplies", "scope.EuLawApplies && scope.WhenMinor", "scope.UsLawApplies", "scope.UsLawApplies && scope.WhenMinor", "true", "true"],
            Plan.Forbids.Select(f => f.ToString()));
        Assert.Equal([8], Plan.OwnLists);
        Assert.Equal(1, Plan.Chunks);
    }

    [Fact]
    public void Only_the_bound_constants_some_test_reads_are_planned()
    {
        // Every chain of the QuickStart folds into tables, and citations are no longer compiled, so no bound is read
        // as a constant of its own.
        Assert.Empty(Plan.BoundsRead);
    }

    [Fact]
    public void Unconditional_bounds_that_leave_no_value_fail_the_fast_path_at_build_time()
    {
        var plan = PlanOf(Policies.UnconditionalContradiction, "UnconditionalContradiction.Prefs");
        var maturity = plan.Dimensions.Single(d => d.Dimension.Name == "Maturity");

        Assert.True(maturity.FastPath.Inside.IsNever);
        Assert.True(maturity.Inside.IsNever);
        Assert.True(maturity.CanContradict);
        Assert.False(maturity.Folded!.SelectsByContext);
        Assert.Equal(["EuLawApplies"], plan.Scope.Declared.Where(t => t.IsRead).Select(t => t.Name));
    }

    [Fact]
    public void A_law_that_applies_everywhere_needs_no_waiver_or_condition_test_and_defaults_need_no_scope()
    {
        var plan = PlanOf(Policies.Minimal, "Minimal.Prefs");
        var maturity = Assert.Single(plan.Dimensions);

        Assert.Equal(["EuLawApplies"], plan.Scope.Declared.Select(t => t.Name));
        Assert.Equal(0x3UL, maturity.Folded!.Strict[maturity.Folded.Strict.Length - 1].Ceiling);
        Assert.Empty(plan.Defaults.Dimensions);
        Assert.Empty(plan.Defaults.Scope.Declared);
    }

    [Fact]
    public void Bounds_alike_but_on_dimensions_an_organisation_waives_differently_get_their_own_tests()
    {
        // The same law, the same condition, both waivable by the organisation; it waives only Maturity's. A test
        // composed once and shared by both bounds would waive Tone's too (looser than the law) or Maturity's not at all.
        var plan = PlanOf([new SourceFile("Waived.cs", """
            using PolicyAsCode;

            namespace Waived;

            public enum Maturity { General, Teen, Mature }

            public enum Tone { Neutral, Friendly, Playful }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen, Unless = Fact.VerifiedAdult, WaivableBy = TierRank.Organisation)]
                public Maturity Maturity { get; init; }

                [AtMost(Tone.Friendly, Unless = Fact.VerifiedAdult, WaivableBy = TierRank.Organisation)]
                public Tone Tone { get; init; }
            }

            [OrganisationTier("fiction", Within = [typeof(EuLaw)])]
            public partial record Fiction
            {
                [Waives(typeof(EuLaw), When = Fact.Professional)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Fiction)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }

                public Tone Tone { get; init; }
            }
            """)], "Waived.Prefs");

        var maturity = Assert.Single(plan.Dimensions.Single(d => d.Dimension.Name == "Maturity").Chain).Applies.ToString();
        var tone = Assert.Single(plan.Dimensions.Single(d => d.Dimension.Name == "Tone").Chain).Applies.ToString();

        Assert.NotEqual(maturity, tone);
        Assert.EndsWith("NotWaived", maturity, StringComparison.Ordinal);
        Assert.DoesNotContain("Waived", tone, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EU", "EuLaw")]
    [InlineData("US-CA", "UsCaLaw")]
    [InlineData("contoso-learning", "ContosoLearningLaw")]
    [InlineData("LearnerPreferences", "LearnerPreferencesLaw")]
    [InlineData("1st", "Jurisdiction1stLaw")]
    [InlineData("—", "JurisdictionLaw")]
    public void Names_come_from_the_policy_s_words(string text, string expected)
    {
        Assert.Equal(expected, ScopeNames.Pascal(text, "Jurisdiction") + "Law");
    }

    [Fact]
    public void A_name_taken_twice_gets_a_number_and_facts_read_as_words()
    {
        var names = new ScopeNames();

        Assert.Equal("EuLawApplies", names.Unique("EuLawApplies"));
        Assert.Equal("EuLawApplies2", names.Unique("EuLawApplies"));
        Assert.Equal("MinorAndRolePlay", ScopeNames.Facts((uint)(Fact.Minor | Fact.RolePlay), "And"));
        Assert.Equal("euLawApplies", ScopeNames.Camel("EuLawApplies"));
    }
}
