using System.Linq;
using System.Reflection;
using System.Text;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.Testing;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests.TestKit;

/// <summary>
/// Coverage: which bounds, waivers and hazard rules cases exercised (docs/testing-policies.md), worded as pac words
/// them. The expected sets are worked out by hand from the definition, case by case.
/// </summary>
public sealed class TestKitCoverageTests
{
    [Fact]
    public void QuickStart_cases_exercise_exactly_the_rules_they_put_to_the_test()
    {
        var coverage = PolicyCoverage.Of<LearnerPreferences>(PolicyCaseFile.Read("TestKit/quickstart.yaml"));

        Assert.Equal(
            [
                // Cited by an adjustment.
                "bound: law of EU: Maturity AtMost(Maturity.Teen) (when Minor)",
                "bound: law of EU: DiscloseAi Locked(true)",
                "bound: law of EU: MemoryDays Locked(0) (unless ConsentsToMemory)",
                "bound: law of EU: Topics AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics) (when Minor)",
                "bound: law of US: MemoryDays Locked(0) (when Minor)",
                "bound: law of DE within EU: MemoryDays Locked(0) (when Minor)",
                "bound: organisation contoso-learning: Maturity AtMost(Maturity.Teen)",
                "bound: organisation contoso-learning: Tone AtMost(Tone.Playful)",
                // Asked for exactly its end, 14 days, and granted it.
                "bound: organisation contoso-learning: MemoryDays AtMost(14)",
                "bound: organisation contoso-learning: Language Allowed(\"en\", \"fr\", \"de\", \"es\")",
                "waiver: user tier LearnerPreferences: waives law of EU's bounds on DiscloseAi (when RolePlay)",
                "hazard rule: law of EU: refuses SexualContent (when Minor)",
                "hazard rule: organisation contoso-learning: refuses SpecializedAdvice | Elections",
                "hazard rule: user tier LearnerPreferences: refuses what the user lists in avoidHazards",
            ],
            coverage.Rules.Where(r => r.IsExercised).Select(r => r.KindText + ": " + r).ToList());
        Assert.Contains("law of US-CA within US: DiscloseAi Locked(true)", coverage.NeverExercised.Select(r => r.ToString()));
        Assert.Contains("law of EU: refuses ChildSexualExploitation | IndiscriminateWeapons", coverage.NeverExercised.Select(r => r.ToString()));
        Assert.Equal(coverage.Rules.Count, coverage.NeverExercised.Count + 14);
        Assert.Equal(12, coverage.Cases);
    }

    [Fact]
    public void The_text_gives_the_share_per_kind_and_lists_each_rule_never_exercised()
    {
        var cases = PolicyCaseFile.Parse("two.yaml", Encoding.UTF8.GetBytes("""
            jurisdiction: US
            cases:
              - name: a minor in the US is not remembered
                facts: [Minor]
                preferences: { memoryDays: 3 }
                expect: { effective: { memoryDays: 0 } }
              - name: weapons are refused in the US
                hazards: [IndiscriminateWeapons]
                expect: { decision: { allowed: false, tier: law of US } }
            """));
        var coverage = PolicyCoverage.Of<LearnerPreferences>(cases);
        var registry = LearnerPreferences.Registry;
        var rules = registry.Bounds.Length + registry.Forbids.Length + registry.Waivers.Count(w => w.IsDelegated);

        var text = coverage.ToText().Split('\n');

        Assert.Equal(
            $"coverage: 2 of {rules} rules exercised ({100.0 * 2 / rules:F1}%) by 2 cases: bounds 1 of {registry.Bounds.Length}, waivers 0 of 1, hazard rules 1 of {registry.Forbids.Length}.",
            text[0]);
        Assert.Equal("Never exercised:", text[1]);
        Assert.Equal(rules - 2, text.Count(l => l.StartsWith("- ", System.StringComparison.Ordinal)));
        Assert.Contains("- bound: law of EU: Maturity AtMost(Maturity.Teen) (when Minor)", text);
        Assert.Contains("- waiver: user tier LearnerPreferences: waives law of EU's bounds on DiscloseAi (when RolePlay)", text);
        Assert.Contains("- hazard rule: law of US: refuses SexualContent (when Minor)", text);
        Assert.DoesNotContain("- bound: law of US: MemoryDays Locked(0) (when Minor)", text);
        Assert.DoesNotContain("- hazard rule: law of US: refuses ChildSexualExploitation | IndiscriminateWeapons", text);
    }

    [Fact]
    public void A_bound_that_applies_but_is_neither_cited_nor_asked_at_its_end_is_not_exercised()
    {
        // A minor asks for General: AtMost(Teen) applies and allows it, but nothing tested it. Then Teen, its very end.
        var cases = PolicyCaseFile.Parse("edge.yaml", Encoding.UTF8.GetBytes("""
            jurisdiction: US
            cases:
              - name: general
                facts: [Minor]
                preferences: { maturity: General }
                expect: { effective: { maturity: General } }
              - name: teen
                facts: [Minor]
                preferences: { maturity: Teen }
                expect: { effective: { maturity: Teen } }
            """));

        var general = PolicyCoverage.Of<LearnerPreferences>(cases.Take(1));
        var teen = PolicyCoverage.Of<LearnerPreferences>(cases.Skip(1));

        Assert.DoesNotContain(general.Rules, r => r.IsExercised);
        Assert.Equal(
            ["law of US: Maturity AtMost(Maturity.Teen) (when Minor)", "organisation contoso-learning: Maturity AtMost(Maturity.Teen)"],
            teen.Rules.Where(r => r.IsExercised).Select(r => r.ToString()));
    }

    private const string OrganisationWaiver = """
        using PolicyAsCode;

        namespace Kit.Waiver;

        public enum Maturity { General, Teen, Mature }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen, WaivableBy = TierRank.Organisation, Reason = "teen content unless the organisation serves professionals")]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("studio", Within = [typeof(EuLaw)])]
        public partial record Studio
        {
            [Waives(typeof(EuLaw), When = Fact.Professional)]
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Studio)])]
        public partial record Prefs
        {
            public Maturity Maturity { get; init; }
        }
        """;

    [Fact]
    public void An_organisation_waiver_is_exercised_where_it_switches_a_bound_off_and_not_elsewhere()
    {
        using var compiled = PolicyCompiler.Compile("KitWaiver", [("Policy.cs", OrganisationWaiver)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));
        var registry = (PolicyRegistry)compiled.Assembly!.GetType("Kit.Waiver.Prefs")!.GetProperty("Registry", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var cases = PolicyCaseFile.Parse("waiver.yaml", Encoding.UTF8.GetBytes("""
            jurisdiction: EU
            cases:
              - name: a professional gets mature content
                facts: [Professional]
                preferences: { maturity: Mature }
                expect: { effective: { maturity: Mature }, adjustments: [] }
              - name: anyone else is held at teen
                preferences: { maturity: Mature }
                expect:
                  effective: { maturity: Teen }
                  adjustments: [ { dimension: maturity, cause: clamped, tier: law of EU, bound: AtMost(Maturity.Teen) } ]
            """));

        var professional = new PolicyCoverage(registry);
        var other = new PolicyCoverage(registry);
        var p = PolicyCaseRunner.Run(registry, cases[0]);
        var o = PolicyCaseRunner.Run(registry, cases[1]);
        professional.Add(p);
        other.Add(o);

        Assert.True(p.Passed, p.Report());
        Assert.True(o.Passed, o.Report());
        Assert.Equal(["waiver: organisation studio: waives law of EU's bounds on Maturity (when Professional)"], professional.Rules.Where(r => r.IsExercised).Select(r => r.KindText + ": " + r));
        Assert.Equal(["bound: law of EU: Maturity AtMost(Maturity.Teen)"], other.Rules.Where(r => r.IsExercised).Select(r => r.KindText + ": " + r));
        Assert.Equal(100, PolicyCoverage.Of(registry, cases).Percent);
    }
}
