using System.Linq;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The QuickStart policy (EU and US law, the contoso-learning organisation, learner preferences), compiled into this
/// assembly by the generator, resolved and decided by its generated evaluator, with exact expectations.
/// </summary>
public sealed class QuickStartBehaviourTests
{
    private static readonly PolicyRegistry Registry = LearnerPreferences.Registry;

    private static PolicyContext EuMinor => PolicyContext.In("EU").With(Fact.Minor, true);

    private static PolicyContext EuAdult => PolicyContext.In("EU").With(Fact.Minor, false);

    [Fact]
    public void Registry_orders_the_tiers_from_law_to_the_user()
    {
        Assert.Equal(["EU", "US", "DE", "US-CA", "contoso-learning", "LearnerPreferences"], Registry.Tiers.Select(t => t.Name));
        Assert.Equal(
            [TierRank.Immutable, TierRank.Immutable, TierRank.Immutable, TierRank.Immutable, TierRank.Organisation, TierRank.User],
            Registry.Tiers.Select(t => t.Rank));
        Assert.Equal(["EU", "US", "DE", "US-CA"], Registry.Jurisdictions.ToArray());

        // A law within another is named with it, wherever a tier is named.
        Assert.Equal(
            ["law of EU", "law of US", "law of DE within EU", "law of US-CA within US", "organisation contoso-learning", "user tier LearnerPreferences"],
            Registry.Tiers.Select(t => t.ToString()));
        Assert.Equal(
            ["Maturity", "Tone", "Verbosity", "DiscloseAi", "MemoryDays", "Creativity", "Topics", "Language", "AvoidHazards"],
            Registry.Dimensions.Select(d => d.Name));
    }

    [Fact]
    public void Minor_in_the_EU_asking_for_mature_content_gets_teen_content_by_the_EU_conditional_bound()
    {
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences { Maturity = Maturity.Mature }, EuMinor, DimensionSet.Empty);

        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal("Maturity", adjustment.Dimension.Name);
        Assert.Equal(AdjustmentCause.Clamped, adjustment.Cause);
        Assert.Equal(DimensionValue.OfPosition(2), adjustment.Requested);
        Assert.Equal(DimensionValue.OfPosition(1), adjustment.Granted);

        // EU law's AtMost(Mature) allows it; the first bound that refuses Mature is EU's AtMost(Teen, When = Minor).
        var rule = Assert.IsType<BoundRule>(adjustment.Rule);
        Assert.Equal("AtMost(Maturity.Teen)", rule.Source);
        Assert.Equal(Fact.Minor, rule.Condition.When);
        Assert.Equal("minors get at most teen content", rule.Reason);
        Assert.Same(Registry.Tiers[0], adjustment.Tier);
        Assert.Equal("EU", adjustment.Tier!.Jurisdiction);
        Assert.Equal(0, resolution.Jurisdiction);
    }

    [Fact]
    public void Adult_in_the_EU_asking_for_mature_content_is_held_to_the_organisations_teen_cap()
    {
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences { Maturity = Maturity.Mature }, EuAdult, DimensionSet.Empty);

        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal(AdjustmentCause.Clamped, adjustment.Cause);
        Assert.Equal("organisation contoso-learning", adjustment.Tier!.ToString());
        Assert.Equal("the service is for learners from 13", adjustment.Rule!.Reason);
    }

    [Fact]
    public void Memory_without_consent_is_locked_to_zero_in_the_EU()
    {
        var asked = new LearnerPreferences { MemoryDays = 10 };

        var withoutConsent = LearnerPreferences.Resolve(asked, EuAdult.With(Fact.ConsentsToMemory, false), DimensionSet.Empty);
        Assert.Equal(0, withoutConsent.Effective.MemoryDays);
        var adjustment = Assert.Single(withoutConsent.Adjustments);
        Assert.Equal("MemoryDays", adjustment.Dimension.Name);
        Assert.Equal(AdjustmentCause.Clamped, adjustment.Cause);
        Assert.Equal(DimensionValue.OfNumber(10), adjustment.Requested);
        Assert.Equal(DimensionValue.OfNumber(0), adjustment.Granted);
        Assert.Equal("Locked(0)", adjustment.Rule!.Source);
        Assert.Equal(Fact.ConsentsToMemory, adjustment.Rule.Condition.Unless);
        Assert.Equal("EU", adjustment.Tier!.Name);

        // Consent unknown: the stricter reading applies, so memory stays at 0.
        Assert.Equal(0, LearnerPreferences.Resolve(asked, EuAdult, DimensionSet.Empty).Effective.MemoryDays);

        // With consent the request stands (EU allows 0 to 30 days, the organisation 14).
        var withConsent = LearnerPreferences.Resolve(asked, EuAdult.With(Fact.ConsentsToMemory, true), DimensionSet.Empty);
        Assert.Equal(10, withConsent.Effective.MemoryDays);
        Assert.Empty(withConsent.Adjustments);

        // Beyond the organisation's 14 days, the organisation's bound is cited.
        var tooLong = LearnerPreferences.Resolve(new LearnerPreferences { MemoryDays = 20 }, EuAdult.With(Fact.ConsentsToMemory, true), DimensionSet.Empty);
        Assert.Equal(14, tooLong.Effective.MemoryDays);
        Assert.Equal("contoso-learning", Assert.Single(tooLong.Adjustments).Tier!.Name);
    }

    [Fact]
    public void Role_play_user_waives_AI_disclosure_and_without_role_play_the_law_holds()
    {
        var asked = new LearnerPreferences { DiscloseAi = false };

        var rolePlay = LearnerPreferences.Resolve(asked, EuAdult.With(Fact.RolePlay, true), DimensionSet.Empty);
        Assert.False(rolePlay.Effective.DiscloseAi);
        var waived = Assert.Single(rolePlay.Adjustments);
        Assert.Equal("DiscloseAi", waived.Dimension.Name);
        Assert.Equal(AdjustmentCause.Waived, waived.Cause);
        Assert.Equal(DimensionValue.OfPosition(0), waived.Granted);
        Assert.Equal("Locked(true)", waived.Rule!.Source);
        Assert.Equal(TierRank.User, waived.Rule.WaivableBy);
        Assert.Equal("EU", waived.Tier!.Name);

        foreach (var context in new[] { EuAdult, EuAdult.With(Fact.RolePlay, false) })
        {
            var noRolePlay = LearnerPreferences.Resolve(asked, context, DimensionSet.Empty);
            Assert.True(noRolePlay.Effective.DiscloseAi);
            var clamped = Assert.Single(noRolePlay.Adjustments);
            Assert.Equal(AdjustmentCause.Clamped, clamped.Cause);
            Assert.Equal(DimensionValue.OfPosition(1), clamped.Granted);
            Assert.Equal("Locked(true)", clamped.Rule!.Source);
        }

        // US law asks for no disclosure, so nothing is waived there.
        var us = LearnerPreferences.Resolve(asked, PolicyContext.In("US").With(Fact.Minor, false), DimensionSet.Empty);
        Assert.False(us.Effective.DiscloseAi);
        Assert.Empty(us.Adjustments);
    }

    [Fact]
    public void Unknown_jurisdiction_applies_both_laws()
    {
        var asked = new LearnerPreferences { Maturity = Maturity.Mature, MemoryDays = 10, DiscloseAi = false };
        var context = PolicyContext.In("BR").With(Fact.Minor, true).With(Fact.ConsentsToMemory, true);

        var resolution = LearnerPreferences.Resolve(asked, context, DimensionSet.Empty);

        Assert.Equal(-1, resolution.Jurisdiction);
        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        Assert.True(resolution.Effective.DiscloseAi);
        Assert.Equal(0, resolution.Effective.MemoryDays);

        // EU's minor bound cites the maturity, EU's disclosure lock the disclosure and US's minor lock the memory.
        Assert.Equal(["Maturity", "DiscloseAi", "MemoryDays"], resolution.Adjustments.Select(a => a.Dimension.Name));
        Assert.Equal(["EU", "EU", "US"], resolution.Adjustments.Select(a => a.Tier!.Name));
        Assert.All(resolution.Adjustments, a => Assert.Equal(AdjustmentCause.Clamped, a.Cause));

        // Both laws' hazard rules are active: EU's and US's illegal content and sexual content for minors.
        Assert.Equal(0b1111UL, resolution.ActiveForbids & 0b1111UL);
        Assert.Equal(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons | Hazard.SexualContent | Hazard.Elections | Hazard.SpecializedAdvice, resolution.Forbidden);

        // Null jurisdiction too.
        Assert.Equal(-1, LearnerPreferences.Resolve(asked, new PolicyContext(null, Fact.Minor, Fact.Minor), DimensionSet.Empty).Jurisdiction);

        // A known jurisdiction matches ignoring case and applies only its own law.
        var eu = LearnerPreferences.Resolve(asked, new PolicyContext("eu", Fact.Minor | Fact.ConsentsToMemory, Fact.Minor | Fact.ConsentsToMemory), DimensionSet.Empty);
        Assert.Equal(0, eu.Jurisdiction);
        Assert.Equal(10, eu.Effective.MemoryDays);
        Assert.Equal(0b0011UL, eu.ActiveForbids & 0b1111UL);
    }

    [Fact]
    public void Null_request_resolves_every_dimension_fail_closed_to_its_strictest_value()
    {
        var resolution = LearnerPreferences.Resolve(null!, EuAdult, DimensionSet.Empty);

        Assert.True(resolution.IsResolved);
        var effective = resolution.Effective;
        Assert.Equal(Maturity.General, effective.Maturity);
        Assert.Equal(Tone.Neutral, effective.Tone);
        Assert.Equal(Verbosity.Concise, effective.Verbosity);
        Assert.True(effective.DiscloseAi);
        Assert.Equal(0, effective.MemoryDays);
        Assert.Equal(0.0, effective.Creativity);
        Assert.Equal(Topics.None, effective.Topics);
        Assert.Equal("en", effective.Language);

        // The user's own hazard list is stricter the more it holds: failing closed, it avoids every hazard it can name.
        Assert.Equal((Hazard)0xFF00003FFFUL, effective.AvoidHazards);
        Assert.Equal(Registry.Dimensions.Length, resolution.Adjustments.Count);
        Assert.Equal(Registry.Dimensions.Select(d => d.Index), resolution.Adjustments.Select(a => a.Dimension.Index));
        Assert.All(resolution.Adjustments, a =>
        {
            Assert.Equal(AdjustmentCause.FailedClosed, a.Cause);

            // A cited bound is one of this dimension's, with its own tier; a dimension no tier bounds cites none.
            if (a.Rule is null)
            {
                Assert.Null(a.Tier);
                Assert.DoesNotContain(Registry.Bounds, b => b.Dimension == a.Dimension.Index);
            }
            else
            {
                Assert.Equal(a.Dimension.Index, a.Rule.Dimension);
                Assert.Same(Registry.Tiers[a.Rule.Tier], a.Tier);
            }
        });
        Assert.Null(resolution.Adjustments[2].Rule);
        Assert.Null(resolution.Adjustments[8].Rule);

        var decision = LearnerPreferences.Decide(resolution, Hazard.Hate);
        Assert.Equal(Verdict.Refuse, decision.Verdict);
        Assert.Equal(DecisionCause.Forbidden, decision.Cause);
        Assert.Equal(8, decision.Rule!.Dimension);
        Assert.True(LearnerPreferences.Decide(resolution, Hazard.None).IsAllowed);
    }

    [Fact]
    public void Unreadable_dimensions_fail_closed_and_the_rest_stand()
    {
        var asked = new LearnerPreferences { Maturity = Maturity.Teen, Creativity = 0.7, Tone = Tone.Playful, Language = "de" };

        var resolution = LearnerPreferences.Resolve(asked, EuAdult, DimensionSet.Of(0, 5));

        Assert.Equal(Maturity.General, resolution.Effective.Maturity);
        Assert.Equal(0.0, resolution.Effective.Creativity);
        Assert.Equal(Tone.Playful, resolution.Effective.Tone);
        Assert.Equal("de", resolution.Effective.Language);
        Assert.Equal(["Maturity", "Creativity"], resolution.Adjustments.Select(a => a.Dimension.Name));
        Assert.All(resolution.Adjustments, a => Assert.Equal(AdjustmentCause.FailedClosed, a.Cause));
        Assert.Equal(DimensionValue.OfPosition(1), resolution.Adjustments[0].Requested);
        Assert.Equal(DimensionValue.OfNumber(0.7), resolution.Adjustments[1].Requested);
    }

    [Fact]
    public void Out_of_domain_values_fail_closed()
    {
        var asked = new LearnerPreferences { Creativity = double.NaN, Language = "klingon", Tone = (Tone)42, Topics = (Topics)(1 << 20) };

        var resolution = LearnerPreferences.Resolve(asked, EuAdult, DimensionSet.Empty);

        Assert.Equal(0.0, resolution.Effective.Creativity);
        Assert.Equal("en", resolution.Effective.Language);
        Assert.Equal(Tone.Neutral, resolution.Effective.Tone);
        Assert.Equal(Topics.None, resolution.Effective.Topics);
        Assert.Equal(["Tone", "Creativity", "Topics", "Language"], resolution.Adjustments.Select(a => a.Dimension.Name));
        Assert.All(resolution.Adjustments, a => Assert.Equal(AdjustmentCause.FailedClosed, a.Cause));
    }

    [Fact]
    public void Sexual_content_for_a_minor_is_refused_naming_EU_law()
    {
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences(), EuMinor, DimensionSet.Empty);

        var decision = LearnerPreferences.Decide(resolution, Hazard.SexualContent);

        Assert.Equal(Verdict.Refuse, decision.Verdict);
        Assert.Equal(DecisionCause.Forbidden, decision.Cause);
        Assert.Equal(Hazard.SexualContent, decision.Hazards);
        Assert.Same(Registry.Forbids[1], decision.Rule);
        Assert.Equal(Fact.Minor, decision.Rule!.Condition.When);
        Assert.Equal("minors must not be shown sexual content", decision.Rule.Reason);
        Assert.Same(Registry.Tiers[0], decision.Tier);
        var explained = decision.Explain();
        Assert.StartsWith("refused: law of EU forbids SexualContent", explained);
        Assert.Contains("minors must not be shown sexual content", explained);

        // For an adult the same content is allowed.
        Assert.True(LearnerPreferences.Decide(LearnerPreferences.Resolve(new LearnerPreferences(), EuAdult, DimensionSet.Empty), Hazard.SexualContent).IsAllowed);
    }

    [Fact]
    public void Election_content_is_refused_naming_the_organisation()
    {
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In("US").With(Fact.Minor, false), DimensionSet.Empty);

        var decision = LearnerPreferences.Decide(resolution, Hazard.Elections | Hazard.ViolentCrimes);

        Assert.Equal(Verdict.Refuse, decision.Verdict);
        Assert.Equal(DecisionCause.Forbidden, decision.Cause);
        Assert.Equal(Hazard.Elections, decision.Hazards);
        Assert.Same(Registry.Forbids[4], decision.Rule);
        Assert.Equal(TierRank.Organisation, decision.Tier!.Rank);
        Assert.Equal("contoso-learning", decision.Tier.Name);
        Assert.True(LearnerPreferences.Decide(resolution, Hazard.ViolentCrimes).IsAllowed);
        Assert.Equal(DecisionCause.Allowed, LearnerPreferences.Decide(resolution, Hazard.None).Cause);
    }

    [Fact]
    public void A_users_own_avoided_hazard_is_refused_naming_the_user_tier()
    {
        var resolution = LearnerPreferences.Resolve(
            new LearnerPreferences { AvoidHazards = Hazard.Hate | Hazard.ViolentCrimes },
            PolicyContext.In("US").With(Fact.Minor, false),
            DimensionSet.Empty);
        Assert.Equal(Hazard.Hate | Hazard.ViolentCrimes, resolution.Forbidden & (Hazard.Hate | Hazard.ViolentCrimes));

        var decision = LearnerPreferences.Decide(resolution, Hazard.ViolentCrimes);

        Assert.Equal(Verdict.Refuse, decision.Verdict);
        Assert.Equal(DecisionCause.Forbidden, decision.Cause);
        Assert.Equal(Hazard.ViolentCrimes, decision.Hazards);
        Assert.Equal(8, decision.Rule!.Dimension);
        Assert.Same(Registry.UserTier, decision.Tier);
        Assert.Equal(TierRank.User, decision.Tier!.Rank);
        Assert.StartsWith("refused: you asked to avoid ViolentCrimes", decision.Explain());
        Assert.True(LearnerPreferences.Decide(resolution, Hazard.Privacy).IsAllowed);
    }

    [Fact]
    public void Unknown_hazard_bits_are_refused()
    {
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In("US").With(Fact.Minor, false), DimensionSet.Empty);

        foreach (var unknown in new[] { Hazard.Custom3, (Hazard)(1UL << 20), Hazard.Custom3 | Hazard.ViolentCrimes })
        {
            var decision = LearnerPreferences.Decide(resolution, unknown);
            Assert.Equal(Verdict.Refuse, decision.Verdict);
            Assert.Equal(DecisionCause.UnknownHazard, decision.Cause);
            Assert.Equal(unknown & ~Taxonomy.Shipped, decision.Hazards);
            Assert.Null(decision.Rule);
            Assert.Null(decision.Tier);
        }
    }

    [Fact]
    public void Default_resolution_refuses_everything()
    {
        foreach (var detected in new[] { Hazard.None, Hazard.ViolentCrimes, Hazard.Custom3 })
        {
            var decision = LearnerPreferences.Decide(default, detected);
            Assert.Equal(Verdict.Refuse, decision.Verdict);
            Assert.Equal(DecisionCause.Unresolved, decision.Cause);
            Assert.Equal(detected, decision.Hazards);
            Assert.False(decision.IsAllowed);
        }

        Assert.False(default(Resolution<LearnerPreferences>).IsResolved);
        Assert.Empty(default(Resolution<LearnerPreferences>).Adjustments);
    }

    [Fact]
    public void Encode_and_Decode_round_trip_in_dimension_order()
    {
        var preferences = new LearnerPreferences
        {
            Maturity = Maturity.Teen, Tone = Tone.Sarcastic, Verbosity = Verbosity.Detailed, DiscloseAi = false, MemoryDays = 7,
            Creativity = 0.25, Topics = Topics.History | Topics.Finance, Language = "nl", AvoidHazards = Hazard.Hate,
        };

        var encoded = LearnerPreferences.Encode(preferences);

        Assert.Equal(
            [
                DimensionValue.OfPosition(1), DimensionValue.OfPosition(3), DimensionValue.OfPosition(2), DimensionValue.OfPosition(0), DimensionValue.OfNumber(7),
                DimensionValue.OfNumber(0.25), DimensionValue.OfMask(0b1010), DimensionValue.OfPosition(4), DimensionValue.OfMask((ulong)Hazard.Hate),
            ],
            encoded);
        Assert.Equal(preferences, LearnerPreferences.Decode(encoded));
        Assert.Equal(new LearnerPreferences { Maturity = Maturity.Teen }, LearnerPreferences.Decode([DimensionValue.OfPosition(1)]));
    }

    [Fact]
    public void Defaults_are_the_user_tiers_initialisers()
    {
        var defaults = LearnerPreferences.Defaults(EuMinor);

        Assert.Equal(new LearnerPreferences(), defaults);
        Assert.Equal(Tone.Friendly, defaults.Tone);
        Assert.Equal(Topics.Science, defaults.Topics);
        Assert.Equal("en", defaults.Language);
    }
}
