using System;
using System.Collections.Immutable;
using PolicyAsCode.Learning;

namespace PolicyAsCode.Tests.Learning;

/// <summary>
/// A small hand-written policy for the learning tests: EU law with DE law within it, US law, an organisation, and a user
/// tier whose Verbosity, Examples, Creativity and Emoji are learnable and whose Topics are not.
/// EU law: Emoji not learnable. DE law: Examples learned within [1, 20]. Organisation: Verbosity learned within
/// Concise..Balanced, Examples within [5, 30], Creativity at most 0.8 (a bound).
/// </summary>
internal static class TutorPolicy
{
    public const int Verbosity = 0, Examples = 1, Creativity = 2, Emoji = 3, Topics = 4;
    public const int EuLaw = 0, DeLaw = 1, UsLaw = 2, Organisation = 3, User = 4;

    public static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static PolicyRegistry Registry { get; } = Build();

    public static PolicyRegistry Build(bool learnable = true)
    {
        ImmutableArray<TierInfo> tiers =
        [
            new(EuLaw, "EU", "Tests.EuLaw", TierRank.Immutable, []),
            new(DeLaw, "DE", "Tests.DeLaw", TierRank.Immutable, [EuLaw]),
            new(UsLaw, "US", "Tests.UsLaw", TierRank.Immutable, []),
            new(Organisation, "tutor", "Tests.Tutor", TierRank.Organisation, [EuLaw, DeLaw, UsLaw]),
            new(User, "Tests.Prefs", "Tests.Prefs", TierRank.User, [Organisation]),
        ];
        ImmutableArray<DimensionInfo> dimensions =
        [
            Dimension(Verbosity, "Verbosity", DimensionKind.Ordinal, "Tests.Verbosity", ["Concise", "Balanced", "Detailed"], Lattice.MemberDomain(DimensionKind.Ordinal, 3), DimensionValue.OfPosition(1)) with { Learnable = learnable },
            Dimension(Examples, "Examples", DimensionKind.Integer, "int", [], Lattice.IntegerDomain, DimensionValue.OfNumber(3)) with { Learnable = learnable },
            Dimension(Creativity, "Creativity", DimensionKind.Real, "double", [], Lattice.RealDomain, DimensionValue.OfNumber(0.5)) with { Learnable = learnable },
            Dimension(Emoji, "Emoji", DimensionKind.Boolean, "bool", ["false", "true"], Lattice.BooleanDomain, DimensionValue.OfPosition(0)) with { Learnable = learnable },
            Dimension(Topics, "Topics", DimensionKind.Set, "Tests.Topics", ["Science", "History"], Lattice.SetDomain(3), DimensionValue.OfMask(1)),
        ];
        ImmutableArray<BoundRule> bounds =
        [
            new(0, Creativity, Organisation, BoundForm.AtMost, Lattice.Build(Lattice.RealDomain, BoundForm.AtMost, DimensionValue.OfNumber(0.8), default), default, null, "AtMost(0.8)", "explanations stay factual", [], []),
            new(1, Creativity, User, BoundForm.Between, Lattice.Build(Lattice.RealDomain, BoundForm.Between, DimensionValue.OfNumber(0), DimensionValue.OfNumber(1)), default, null, "Between(0.0, 1.0)", null, [], []),
        ];
        ImmutableArray<LearningRule> learning =
        [
            new(EuLaw, Emoji, true, Lattice.BooleanDomain, "NotLearnable()", "no learned emoji"),
            new(DeLaw, Examples, false, Lattice.Build(Lattice.IntegerDomain, BoundForm.Between, DimensionValue.OfNumber(1), DimensionValue.OfNumber(20)), "LearnWithin(1, 20)", null),
            new(Organisation, Verbosity, false, Lattice.Build(Lattice.MemberDomain(DimensionKind.Ordinal, 3), BoundForm.Between, DimensionValue.OfPosition(0), DimensionValue.OfPosition(1)), "LearnWithin(Verbosity.Concise, Verbosity.Balanced)", "detail is chosen, not learned"),
            new(Organisation, Examples, false, Lattice.Build(Lattice.IntegerDomain, BoundForm.Between, DimensionValue.OfNumber(5), DimensionValue.OfNumber(30)), "LearnWithin(5, 30)", null),
        ];
        return new PolicyRegistry("Tests.Prefs", tiers, dimensions, bounds, [], [], [], [], learningRules: learning);
    }

    public static DimensionValue[] Start => [DimensionValue.OfPosition(1), DimensionValue.OfNumber(3), DimensionValue.OfNumber(0.5), DimensionValue.OfPosition(0), DimensionValue.OfMask(1)];

    public static FeedbackEvent Nudge(string id, string dimension, FeedbackDirection direction, TimeSpan ago, string? label = null, string user = "ada", Fact holding = Fact.ConsentsToFeedbackTraining, Fact known = Fact.ConsentsToFeedbackTraining, string? jurisdiction = "DE") =>
        new(id, user, Now - ago, [new DimensionNudge(dimension, direction, label)], -1, Jurisdiction: jurisdiction, FactsKnown: known, FactsHolding: holding);

    private static DimensionInfo Dimension(int index, string name, DimensionKind kind, string type, ImmutableArray<string> members, Bound domain, DimensionValue value)
    {
        var values = ImmutableArray.CreateBuilder<long>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            values.Add(kind == DimensionKind.Set ? 1L << i : i);
        }

        return new DimensionInfo(index, name, kind, type, members, values.MoveToImmutable(), domain, false, value, true, null, [], []);
    }
}
