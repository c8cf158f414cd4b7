using System;
using System.Linq;
using PolicyAsCode.Documents;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Issue 15: <c>WhenAll</c> and <c>UnlessAll</c> are a new spelling, not a new meaning. A bound, hazard rule and
/// waiver written with them compile to the registry conditions the old combined <c>When = Fact.A | Fact.B</c> was read
/// into (one mask per side), and the generated evaluator, run in every context of the five facts the policy names
/// (each known to hold, known not to hold, or unknown), applies each rule exactly where "all of these facts" says:
/// a restricting rule unless one of its WhenAll facts is known false or all its UnlessAll facts are known to hold, a
/// waiver only once all its facts are known to hold. (The generator snapshot "ConditionalWaiver" compiles a WhenAll bound to
/// the same text the combined When compiled to.)
/// </summary>
public sealed class ConditionSpellingEvaluationTests
{
    private const string Source = """
        using PolicyAsCode;

        namespace Spelling
        {
            public enum Level { Low, Medium, High }

            [ImmutableTier("EU")]
            [Forbid(Hazard.Hate, WhenAll = Fact.Minor | Fact.Vulnerable, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]
            public partial record EuLaw
            {
                [AtMost(Level.Medium, WhenAll = Fact.Minor | Fact.RolePlay)]
                public Level Level { get; init; }

                [AtMost(Level.Low, UnlessAll = Fact.VerifiedAdult | Fact.Professional)]
                public Level Depth { get; init; }

                [Locked(true, WaivableBy = TierRank.User)]
                public bool DiscloseAi { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Level Level { get; init; }

                public Level Depth { get; init; }

                [HigherIsStricter]
                [Waives(typeof(EuLaw), WhenAll = Fact.RolePlay | Fact.VerifiedAdult)]
                public bool DiscloseAi { get; init; } = true;
            }
        }
        """;

    private static readonly Fact[] Named = [Fact.Minor, Fact.RolePlay, Fact.VerifiedAdult, Fact.Professional, Fact.Vulnerable];

    [Fact]
    public void WhenAll_and_UnlessAll_compile_to_the_conditions_and_behaviour_of_all_their_facts()
    {
        using var compiled = PolicyCompiler.Compile("ConditionSpelling", [("Spelling.cs", Source)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));
        compiled.Check(typeof(ConditionSpellingEvaluationTests), nameof(Check), "Spelling.Prefs", compiled.Assembly!.GetType("Spelling.Level")!);
    }

    private static void Check<T>(Type level)
        where T : class, IUserTierPolicy<T>
    {
        var registry = T.Registry;

        // The same masks the combined When/Unless were read into: the model did not change, only how it is written.
        Assert.Equal(new Condition(Fact.Minor | Fact.RolePlay, Fact.None), Rule(registry, "Level").Condition);
        Assert.Equal(new Condition(Fact.None, Fact.VerifiedAdult | Fact.Professional), Rule(registry, "Depth").Condition);
        Assert.Equal(new Condition(Fact.Minor | Fact.Vulnerable, Fact.VerifiedAdult | Fact.Professional), Assert.Single(registry.Forbids).Condition);
        Assert.Equal(new Condition(Fact.RolePlay | Fact.VerifiedAdult, Fact.None), Assert.Single(registry.Waivers).Condition);

        // Worded with "and" wherever a condition of several facts is shown: notation, sentences and the policy card.
        Assert.Equal("when Minor and RolePlay", Wording.Condition(Rule(registry, "Level").Condition));
        Assert.Equal("when Minor and Vulnerable, unless VerifiedAdult and Professional", Wording.Condition(registry.Forbids[0].Condition));
        const string MinorInRolePlay = "when the user is a minor and the user set up a role-play or fiction session";
        Assert.Equal(MinorInRolePlay, PolicyWording.Condition(Rule(registry, "Level").Condition));
        Assert.Contains(MinorInRolePlay, PolicyCard.Create(registry).ToMarkdown(), StringComparison.Ordinal);

        var high = Enum.Parse(level, "High");
        var requested = (T)Activator.CreateInstance(typeof(T))!;
        typeof(T).GetProperty("Level")!.SetValue(requested, high);
        typeof(T).GetProperty("Depth")!.SetValue(requested, high);
        typeof(T).GetProperty("DiscloseAi")!.SetValue(requested, false);
        var interpreter = new PolicyInterpreter(registry);

        var contexts = 0;
        foreach (var context in Contexts())
        {
            bool Holds(Fact fact) => (context.Known & context.Facts & fact) != 0;
            bool False(Fact fact) => (context.Known & ~context.Facts & fact) != 0;

            var resolution = T.Resolve(requested, context, DimensionSet.Empty);
            var effective = resolution.Effective;
            var at = $"facts {context.Facts}, known {context.Known}";

            // AtMost(Medium, WhenAll = Minor | RolePlay): off once either fact is known not to hold.
            var levelBinds = !False(Fact.Minor) && !False(Fact.RolePlay);
            Assert.True(Equals(Enum.Parse(level, levelBinds ? "Medium" : "High"), typeof(T).GetProperty("Level")!.GetValue(effective)), "Level, " + at);

            // AtMost(Low, UnlessAll = VerifiedAdult | Professional): off only once both are known to hold.
            var depthBinds = !(Holds(Fact.VerifiedAdult) && Holds(Fact.Professional));
            Assert.True(Equals(Enum.Parse(level, depthBinds ? "Low" : "High"), typeof(T).GetProperty("Depth")!.GetValue(effective)), "Depth, " + at);

            // Waives(WhenAll = RolePlay | VerifiedAdult): holds only once both are known to hold, never assumed.
            var waived = Holds(Fact.RolePlay) && Holds(Fact.VerifiedAdult);
            Assert.True(Equals(!waived, typeof(T).GetProperty("DiscloseAi")!.GetValue(effective)), "DiscloseAi, " + at);

            // Forbid(Hate, WhenAll = Minor | Vulnerable, UnlessAll = VerifiedAdult | Professional).
            var refuses = !False(Fact.Minor) && !False(Fact.Vulnerable) && !(Holds(Fact.VerifiedAdult) && Holds(Fact.Professional));
            Assert.True(refuses != T.Decide(resolution, Hazard.Hate).IsAllowed, "Hate, " + at);

            Assert.Equal(interpreter.Resolve(T.Encode(requested), context).Effective, T.Encode(effective));
            contexts++;
        }

        Assert.Equal(243, contexts);
    }

    private static BoundRule Rule(PolicyRegistry registry, string dimension) =>
        Assert.Single(registry.Bounds, b => registry.Dimensions[b.Dimension].Name == dimension);

    // Each named fact known to hold, known not to hold, or unknown: 3^5 contexts.
    private static System.Collections.Generic.IEnumerable<PolicyContext> Contexts()
    {
        var total = (int)Math.Pow(3, Named.Length);
        for (var code = 0; code < total; code++)
        {
            var facts = Fact.None;
            var known = Fact.None;
            var rest = code;
            foreach (var fact in Named)
            {
                var state = rest % 3;
                rest /= 3;
                known |= state == 0 ? Fact.None : fact;
                facts |= state == 1 ? fact : Fact.None;
            }

            yield return new PolicyContext("EU", facts, known);
        }
    }
}
