using System;
using System.Collections.Immutable;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tests.Interpretation;

/// <summary>
/// Hand-written examples of the reference interpreter on a small policy: EU and US law, a tutoring organisation
/// deployed in both, and its users.
/// </summary>
public sealed class InterpreterExamples
{
    // Tiers.
    private const int Eu = 0, Us = 1, Org = 2, User = 3;

    // Dimensions.
    private const int Maturity = 0, MemoryDays = 1, AiDisclosure = 2, Tone = 3, AvoidHazards = 4;

    // Maturity members and tones.
    private const int General = 0, Teen = 1, Mature = 2;
    private const int Neutral = 0, Playful = 1, Formal = 2;

    // Bounds, by index.
    private const int EuMinorTeen = 1, EuMemory = 2, EuDisclosure = 3, UsMemory = 6, UsDisclosure = 7, UsTone = 8, OrgMemory = 9;

    // Hazard rules, by index.
    private const int EuForbids = 0, UsForbids = 1, OrgPolitics = 2, OrgMinorSexual = 3, UserOwn = 4;

    private static readonly ImmutableArray<TierInfo> Tiers =
    [
        new(Eu, "EU", "Contoso.Policies.EuLaw", TierRank.Immutable, []),
        new(Us, "US", "Contoso.Policies.UsLaw", TierRank.Immutable, []),
        new(Org, "contoso-learning", "Contoso.Policies.ContosoLearning", TierRank.Organisation, [Eu, Us]),
        new(User, "Contoso.Policies.Prefs", "Contoso.Policies.Prefs", TierRank.User, [Org]),
    ];

    private static readonly ImmutableArray<DimensionInfo> Dimensions =
    [
        new(Maturity, "Maturity", DimensionKind.Ordinal, "Contoso.Policies.Maturity", ["General", "Teen", "Mature"], [0, 1, 2],
            Lattice.MemberDomain(DimensionKind.Ordinal, 3), false, DimensionValue.OfPosition(General), true, "How mature content may be.",
            [Benefit.Autonomy], [Risk.ManipulationOfTheVulnerable]),
        new(MemoryDays, "MemoryDays", DimensionKind.Integer, "int", [], [], Lattice.IntegerDomain, false, DimensionValue.OfNumber(7), true,
            "How many days the assistant remembers.", [Benefit.Usefulness], [Risk.PrivacyInfringement]),
        new(AiDisclosure, "AiDisclosure", DimensionKind.Boolean, "bool", ["false", "true"], [0, 1], Lattice.BooleanDomain, true,
            DimensionValue.OfPosition(1), false, "Whether the assistant says it is an AI.", [], [Risk.Anthropomorphism]),
        new(Tone, "Tone", DimensionKind.Choice, "string", ["neutral", "playful", "formal"], [0, 1, 2], Lattice.MemberDomain(DimensionKind.Choice, 3),
            false, DimensionValue.OfPosition(Neutral), false, "The assistant's tone.", [Benefit.Wellbeing], []),
        new(AvoidHazards, "AvoidHazards", DimensionKind.Set, "PolicyAsCode.Hazard",
            [.. Enumerable.Range(0, 14).Select(i => ((Hazard)(1UL << i)).ToString())], [.. Enumerable.Range(0, 14).Select(i => 1L << i)],
            Lattice.SetDomain((ulong)Taxonomy.Shipped), true, DimensionValue.OfMask(0), true, "Hazards the user asks to avoid.", [], []),
    ];

    private static BoundRule Rule(int index, int dimension, int tier, BoundForm form, DimensionValue first, DimensionValue second,
        Condition condition, TierRank? waivableBy, string source, string? reason = null, Risk[]? mitigates = null) =>
        new(index, dimension, tier, form, Lattice.Build(Dimensions[dimension].Domain, form, first, second), condition, waivableBy, source, reason,
            [], mitigates is null ? [] : [.. mitigates]);

    private static BoundRule Allowed(int index, int dimension, int tier, ulong positions, string source) =>
        new(index, dimension, tier, BoundForm.Allowed, Lattice.Members(Dimensions[dimension].Domain, positions), Condition.Always, null, source, null, [], []);

    private static DimensionValue P(int position) => DimensionValue.OfPosition(position);

    private static DimensionValue N(double number) => DimensionValue.OfNumber(number);

    private static ImmutableArray<BoundRule> Bounds(TierRank? disclosureWaivableBy = TierRank.User) =>
    [
        Rule(0, Maturity, Eu, BoundForm.AtMost, P(Mature), default, Condition.Always, null, "AtMost(Maturity.Mature)"),
        Rule(EuMinorTeen, Maturity, Eu, BoundForm.AtMost, P(Teen), default, new Condition(Fact.Minor, Fact.None), null, "AtMost(Maturity.Teen)",
            "minors are shielded from mature content", [Risk.ManipulationOfTheVulnerable]),
        Rule(EuMemory, MemoryDays, Eu, BoundForm.AtMost, N(30), default, new Condition(Fact.None, Fact.ConsentsToMemory), null, "AtMost(30)",
            "personal data is kept at most 30 days without consent", [Risk.PrivacyInfringement]),
        Rule(EuDisclosure, AiDisclosure, Eu, BoundForm.Locked, P(1), default, Condition.Always, disclosureWaivableBy, "Locked(true)",
            "an assistant must disclose that it is an AI", [Risk.Anthropomorphism]),
        Allowed(4, Tone, Eu, 0b011, "Allowed(\"neutral\", \"playful\")"),
        Rule(5, Maturity, Us, BoundForm.AtMost, P(Teen), default, new Condition(Fact.Minor, Fact.None), null, "AtMost(Maturity.Teen)"),
        Rule(UsMemory, MemoryDays, Us, BoundForm.AtMost, N(90), default, Condition.Always, null, "AtMost(90)"),
        Rule(UsDisclosure, AiDisclosure, Us, BoundForm.Locked, P(1), default, Condition.Always, null, "Locked(true)"),
        Allowed(UsTone, Tone, Us, 0b101, "Allowed(\"neutral\", \"formal\")"),
        Rule(OrgMemory, MemoryDays, Org, BoundForm.Between, N(0), N(365), Condition.Always, null, "Between(0, 365)"),
    ];

    private static readonly ImmutableArray<ForbidRule> Forbids =
    [
        new(EuForbids, Eu, Hazard.ChildSexualExploitation, Condition.Always, "EU law", null),
        new(UsForbids, Us, Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Condition.Always, "US law", null),
        new(OrgPolitics, Org, Hazard.Elections, Condition.Always, "no persuasive political content", null),
        new(OrgMinorSexual, Org, Hazard.SexualContent, new Condition(Fact.Minor, Fact.None), "minors", null),
        new(UserOwn, User, Taxonomy.Shipped, Condition.Always, null, AvoidHazards),
    ];

    private static readonly WaiverClaim UserClaim = new(0, User, AiDisclosure, Eu, new Condition(Fact.RolePlay, Fact.None), IsDelegated: true);
    private static readonly WaiverClaim OrgClaim = new(1, Org, AiDisclosure, Eu, Condition.Always, IsDelegated: false);

    private static PolicyRegistry Registry(ImmutableArray<BoundRule>? bounds = null, ImmutableArray<WaiverClaim>? waivers = null) =>
        new("Contoso.Policies.Prefs", Tiers, Dimensions, bounds ?? Bounds(), Forbids, waivers ?? [UserClaim, OrgClaim],
            [new TierDefault(Eu, Tone, P(Neutral)), new TierDefault(Org, Tone, P(Playful))], []);

    private static readonly PolicyInterpreter Interpreter = new(Registry());

    private static DimensionValue[] Request(int maturity = General, double memoryDays = 7, bool disclose = true, int tone = Neutral, Hazard avoid = Hazard.None) =>
        [P(maturity), N(memoryDays), P(disclose ? 1 : 0), P(tone), DimensionValue.OfMask((ulong)avoid)];

    private static PolicyContext Adult(string? jurisdiction) => PolicyContext.In(jurisdiction).With(Fact.Minor, false);

    private static Adjustment Single(in Resolution<DimensionValue[]> resolution, int dimension) =>
        Assert.Single(resolution.Adjustments, a => a.Dimension.Index == dimension);

    // ------------------------------------------------------------------ clamping

    [Fact]
    public void A_minor_asking_for_mature_content_gets_teen_content()
    {
        var minor = PolicyContext.In("EU").With(Fact.Minor, true);
        var resolution = Interpreter.Resolve(Request(maturity: Mature), minor);

        Assert.Equal(P(Teen), resolution.Effective[Maturity]);
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal(AdjustmentCause.Clamped, adjustment.Cause);
        Assert.Equal(P(Mature), adjustment.Requested);
        Assert.Equal(P(Teen), adjustment.Granted);
        Assert.Same(Interpreter.Registry.Bounds[EuMinorTeen], adjustment.Rule);
        Assert.Equal(Tiers[Eu], adjustment.Tier);
        Assert.Equal(
            "Maturity: asked Mature, granted Teen by law of EU's AtMost(Maturity.Teen) (when Minor): minors are shielded from mature content"
            + " [mitigates " + Taxonomy.Describe(Risk.ManipulationOfTheVulnerable)!.Id + "]",
            adjustment.Explain());
    }

    [Fact]
    public void Unknown_age_applies_the_minors_bound_and_a_known_adult_gets_what_they_asked()
    {
        var unknownAge = Interpreter.Resolve(Request(maturity: Mature), PolicyContext.In("US"));
        Assert.Equal(P(Teen), unknownAge.Effective[Maturity]);
        Assert.Equal(Tiers[Us], Single(unknownAge, Maturity).Tier);

        var adult = Interpreter.Resolve(Request(maturity: Mature), Adult("US"));
        Assert.Equal(P(Mature), adult.Effective[Maturity]);
        Assert.Empty(adult.Adjustments);
        Assert.False(adult.IsAdjusted);
    }

    [Fact]
    public void Memory_days_are_clamped_to_each_laws_limit()
    {
        var eu = Interpreter.Resolve(Request(memoryDays: 365), Adult("EU").With(Fact.ConsentsToMemory, false));
        Assert.Equal(N(30), eu.Effective[MemoryDays]);
        var euAdjustment = Single(eu, MemoryDays);
        Assert.Equal(AdjustmentCause.Clamped, euAdjustment.Cause);
        Assert.Equal(EuMemory, euAdjustment.Rule!.Index);
        Assert.Contains("MemoryDays: asked 365, granted 30 by law of EU's AtMost(30) (unless ConsentsToMemory)", euAdjustment.Explain(), StringComparison.Ordinal);

        // Consent switches the EU limit off; the organisation's own range still holds.
        var consented = Interpreter.Resolve(Request(memoryDays: 365), Adult("EU").With(Fact.ConsentsToMemory, true));
        Assert.Equal(N(365), consented.Effective[MemoryDays]);
        Assert.Empty(consented.Adjustments);
        var tooLong = Interpreter.Resolve(Request(memoryDays: 1000), Adult("EU").With(Fact.ConsentsToMemory, true));
        Assert.Equal(N(365), tooLong.Effective[MemoryDays]);
        Assert.Equal(OrgMemory, Single(tooLong, MemoryDays).Rule!.Index);
        Assert.Equal(Tiers[Org], Single(tooLong, MemoryDays).Tier);

        var us = Interpreter.Resolve(Request(memoryDays: 365), Adult("us"));
        Assert.Equal(N(90), us.Effective[MemoryDays]);
        Assert.Equal(UsMemory, Single(us, MemoryDays).Rule!.Index);

        var negative = Interpreter.Resolve(Request(memoryDays: -5), Adult("US"));
        Assert.Equal(N(0), negative.Effective[MemoryDays]);
        Assert.Equal(OrgMemory, Single(negative, MemoryDays).Rule!.Index);
    }

    // ------------------------------------------------------------------ delegated waivers

    [Fact]
    public void A_user_in_a_role_play_waives_the_eu_ai_disclosure_floor()
    {
        var rolePlay = Adult("EU").With(Fact.RolePlay, true);
        var resolution = Interpreter.Resolve(Request(disclose: false), rolePlay);

        Assert.Equal(P(0), resolution.Effective[AiDisclosure]);
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal(AdjustmentCause.Waived, adjustment.Cause);
        Assert.Equal(P(0), adjustment.Granted);
        Assert.Equal(EuDisclosure, adjustment.Rule!.Index);
        Assert.Equal(Tiers[Eu], adjustment.Tier);
        Assert.StartsWith("AiDisclosure: granted false, waiving law of EU's Locked(true)", adjustment.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_established_role_play_or_in_the_us_the_disclosure_floor_holds()
    {
        foreach (var context in new[] { Adult("EU"), Adult("EU").With(Fact.RolePlay, false) })
        {
            var resolution = Interpreter.Resolve(Request(disclose: false), context);
            Assert.Equal(P(1), resolution.Effective[AiDisclosure]);
            Assert.Equal(AdjustmentCause.Clamped, Single(resolution, AiDisclosure).Cause);
            Assert.Equal(EuDisclosure, Single(resolution, AiDisclosure).Rule!.Index);
        }

        // The US floor is not waivable, and the user's claim waives only the EU's.
        var us = Interpreter.Resolve(Request(disclose: false), Adult("US").With(Fact.RolePlay, true));
        Assert.Equal(P(1), us.Effective[AiDisclosure]);
        Assert.Equal(AdjustmentCause.Clamped, Single(us, AiDisclosure).Cause);
        Assert.Equal(UsDisclosure, Single(us, AiDisclosure).Rule!.Index);

        // With no jurisdiction both laws apply: the user's waiver lifts the EU floor, but the US floor keeps disclosure on.
        // (The interpreter then clamps into the unwaived intersection and names the first floor that excludes the
        // request, which is the waived EU one; see the report on waivers overlapping unwaived bounds.)
        var anywhere = Interpreter.Resolve(Request(disclose: false), PolicyContext.In(null).With(Fact.RolePlay, true));
        Assert.Equal(P(1), anywhere.Effective[AiDisclosure]);
        Assert.Equal(AdjustmentCause.Clamped, Single(anywhere, AiDisclosure).Cause);
        Assert.Contains(Single(anywhere, AiDisclosure).Rule!.Index, new[] { EuDisclosure, UsDisclosure });
    }

    [Fact]
    public void The_organisation_cannot_waive_a_floor_delegated_to_the_user()
    {
        // The registry holds the organisation's undelegated claim; it has no effect.
        var plain = Interpreter.Resolve(Request(disclose: false), Adult("EU"));
        Assert.Equal(P(1), plain.Effective[AiDisclosure]);

        // Even marked delegated, an organisation's claim cannot lift a bound waivable only by the user.
        var orgClaims = new PolicyInterpreter(Registry(waivers: [OrgClaim with { Index = 0, IsDelegated = true }]));
        var resolution = orgClaims.Resolve(Request(disclose: false), Adult("EU").With(Fact.RolePlay, true));
        Assert.Equal(P(1), resolution.Effective[AiDisclosure]);
        Assert.Equal(AdjustmentCause.Clamped, Single(resolution, AiDisclosure).Cause);

        // And the user cannot waive a bound delegated to the organisation.
        var orgWaivable = new PolicyInterpreter(Registry(Bounds(TierRank.Organisation), [UserClaim]));
        var userTries = orgWaivable.Resolve(Request(disclose: false), Adult("EU").With(Fact.RolePlay, true));
        Assert.Equal(P(1), userTries.Effective[AiDisclosure]);
        Assert.Equal(AdjustmentCause.Clamped, Single(userTries, AiDisclosure).Cause);

        // When the bound is delegated to the organisation and its claim is delegated, the bound is lifted for everyone.
        var delegated = new PolicyInterpreter(Registry(Bounds(TierRank.Organisation), [OrgClaim with { Index = 0, IsDelegated = true }]));
        var lifted = delegated.Resolve(Request(disclose: false), Adult("EU"));
        Assert.Equal(P(0), lifted.Effective[AiDisclosure]);
        Assert.Empty(lifted.Adjustments);
    }

    // ------------------------------------------------------------------ contradictions and failing closed

    [Fact]
    public void Contradictory_bounds_fall_back_to_the_strictest_value_the_higher_tier_allows()
    {
        // The organisation requires mature content where EU law caps it at teen: a contradiction.
        ImmutableArray<BoundRule> bounds =
        [
            Rule(0, Maturity, Eu, BoundForm.AtMost, P(Teen), default, Condition.Always, null, "AtMost(Maturity.Teen)"),
            Rule(1, Maturity, Org, BoundForm.AtLeast, P(Mature), default, Condition.Always, null, "AtLeast(Maturity.Mature)"),
        ];
        var interpreter = new PolicyInterpreter(Registry(bounds, []));

        foreach (var unreadable in new[] { DimensionSet.Empty, DimensionSet.Of(Maturity) })
        {
            var resolution = interpreter.Resolve(Request(maturity: Mature), Adult("EU"), unreadable);
            Assert.Equal(P(General), resolution.Effective[Maturity]);
            var adjustment = Assert.Single(resolution.Adjustments);
            Assert.Equal(AdjustmentCause.Contradiction, adjustment.Cause);
            Assert.Equal(1, adjustment.Rule!.Index);
            Assert.Equal(Tiers[Org], adjustment.Tier);
            Assert.Contains("AtLeast(Maturity.Mature) of organisation contoso-learning leaves nothing", adjustment.Explain(), StringComparison.Ordinal);
        }

        // In the US, where no law bounds maturity, the organisation's bound stands.
        var us = interpreter.Resolve(Request(maturity: General), Adult("US"));
        Assert.Equal(P(Mature), us.Effective[Maturity]);
        Assert.Equal(AdjustmentCause.Clamped, Single(us, Maturity).Cause);
    }

    [Fact]
    public void Unreadable_and_out_of_domain_values_resolve_to_the_strictest_allowed_value()
    {
        DimensionValue[] requested = [P(Mature), N(double.NaN), P(0), DimensionInfo.OutsideMembers, DimensionValue.OfMask(1UL << 40)];
        var resolution = Interpreter.Resolve(requested, Adult("EU"), DimensionSet.Of(Maturity, AiDisclosure));

        Assert.Equal(P(General), resolution.Effective[Maturity]);
        Assert.Equal(N(0), resolution.Effective[MemoryDays]);
        Assert.Equal(P(1), resolution.Effective[AiDisclosure]);
        Assert.Equal(P(Neutral), resolution.Effective[Tone]);
        Assert.Equal(DimensionValue.OfMask((ulong)Taxonomy.Shipped), resolution.Effective[AvoidHazards]);
        Assert.Equal(5, resolution.Adjustments.Count);
        Assert.All(resolution.Adjustments, a => Assert.Equal(AdjustmentCause.FailedClosed, a.Cause));
        Assert.Equal("MemoryDays: could not use an unreadable value; granted the strictest allowed value 0", Single(resolution, MemoryDays).Explain());

        // A request with too few values fails closed on the missing ones.
        var shortRequest = Interpreter.Resolve(Request(maturity: Teen).AsSpan(0, 1), Adult("EU"));
        Assert.Equal(P(Teen), shortRequest.Effective[Maturity]);
        Assert.Equal(4, shortRequest.Adjustments.Count);
        Assert.All(shortRequest.Adjustments, a => Assert.Equal(AdjustmentCause.FailedClosed, a.Cause));
    }

    [Fact]
    public void An_unknown_jurisdiction_applies_both_laws()
    {
        var resolution = Interpreter.Resolve(Request(maturity: Mature, memoryDays: 60, tone: Playful), PolicyContext.In("FR"));
        Assert.Equal(-1, resolution.Jurisdiction);

        Assert.Equal(P(Teen), resolution.Effective[Maturity]);     // minor not ruled out: both laws' minor bounds
        Assert.Equal(N(30), resolution.Effective[MemoryDays]);     // consent unknown: the EU's limit, inside the US's
        Assert.Equal(P(Neutral), resolution.Effective[Tone]);      // the EU allows neutral or playful, the US neutral or formal
        Assert.Equal(EuMemory, Single(resolution, MemoryDays).Rule!.Index);
        Assert.Equal(UsTone, Single(resolution, Tone).Rule!.Index);

        // Each law alone is looser.
        Assert.Equal(P(Playful), Interpreter.Resolve(Request(tone: Playful), Adult("EU")).Effective[Tone]);
        Assert.Equal(N(60), Interpreter.Resolve(Request(memoryDays: 60), Adult("US")).Effective[MemoryDays]);

        // Both laws' hazard rules apply.
        Assert.Equal(
            Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons | Hazard.Elections | Hazard.SexualContent,
            resolution.Forbidden);
        var weapons = Interpreter.Decide(resolution, Hazard.IndiscriminateWeapons);
        Assert.Equal(Verdict.Refuse, weapons.Verdict);
        Assert.Equal(UsForbids, weapons.Rule!.Index);
        Assert.Equal(Tiers[Us], weapons.Tier);
        Assert.True(Interpreter.Decide(Interpreter.Resolve(Request(), Adult("EU")), Hazard.IndiscriminateWeapons).IsAllowed);
    }

    // ------------------------------------------------------------------ decisions and defaults

    [Fact]
    public void Decisions_name_the_tier_and_rule_that_refused()
    {
        var resolution = Interpreter.Resolve(Request(avoid: Hazard.Hate), Adult("EU"));

        var politics = Interpreter.Decide(resolution, Hazard.Elections | Hazard.Hate);
        Assert.Equal(Verdict.Refuse, politics.Verdict);
        Assert.Equal(DecisionCause.Forbidden, politics.Cause);
        Assert.Equal(OrgPolitics, politics.Rule!.Index);
        Assert.Equal(Hazard.Elections, politics.Hazards);
        Assert.Equal("refused: organisation contoso-learning forbids Elections (no persuasive political content) [hazard.S13]", politics.Explain());

        var abuse = Interpreter.Decide(resolution, Hazard.ChildSexualExploitation | Hazard.Elections);
        Assert.Equal(EuForbids, abuse.Rule!.Index);
        Assert.Equal(Tiers[Eu], abuse.Tier);

        var hate = Interpreter.Decide(resolution, Hazard.Hate);
        Assert.Equal(UserOwn, hate.Rule!.Index);
        Assert.Equal(Tiers[User], hate.Tier);
        Assert.Equal("refused: you asked to avoid Hate [hazard.S10]", hate.Explain());

        Assert.True(Interpreter.Decide(resolution, Hazard.None).IsAllowed);
        Assert.True(Interpreter.Decide(resolution, Hazard.SexualContent).IsAllowed); // an adult
        Assert.True(Interpreter.Decide(Interpreter.Resolve(Request(), Adult("EU")), Hazard.Hate).IsAllowed);
        Assert.False(Interpreter.Decide(Interpreter.Resolve(Request(), PolicyContext.In("EU")), Hazard.SexualContent).IsAllowed); // maybe a minor

        var unknown = Interpreter.Decide(resolution, Hazard.Custom1);
        Assert.Equal(DecisionCause.UnknownHazard, unknown.Cause);
        Assert.Equal(Verdict.Refuse, unknown.Verdict);

        var unresolved = Interpreter.Decide(default, Hazard.None);
        Assert.Equal(DecisionCause.Unresolved, unresolved.Cause);
        Assert.Equal(Verdict.Refuse, unresolved.Verdict);
    }

    [Fact]
    public void Defaults_take_the_user_tiers_initialisers_else_the_nearest_tiers_default()
    {
        var defaults = Interpreter.Defaults(PolicyContext.In("EU"));
        Assert.Equal(P(General), defaults[Maturity]);
        Assert.Equal(N(7), defaults[MemoryDays]);
        Assert.Equal(P(1), defaults[AiDisclosure]);
        Assert.Equal(P(Playful), defaults[Tone]); // the organisation's default, nearer than the EU's

        // A default outside a law's bound is clamped like any request.
        var resolution = Interpreter.Resolve(defaults, Adult("US"));
        Assert.Equal(P(Neutral), resolution.Effective[Tone]);
        Assert.Equal(UsTone, Single(resolution, Tone).Rule!.Index);
        Assert.Empty(Interpreter.Resolve(defaults, Adult("EU")).Adjustments);
    }
}
