using System;
using System.Linq;
using PolicyAsCode.Learning;
using Xunit;
using static PolicyAsCode.Tests.Learning.TutorPolicy;

namespace PolicyAsCode.Tests.Learning;

/// <summary>Issue 18, point 1: the shipped learner, checked by hand: steps, decay, undo, kinds and explanations.</summary>
public sealed class StepLearnerTests
{
    private static LearnedPreferences Learn(params FeedbackEvent[] events) => Learn(events, []);

    private static LearnedPreferences Learn(FeedbackEvent[] events, LearningReset[] resets, StepLearnerOptions? options = null) =>
        new StepLearner(options).Learn(Registry, Start, new FeedbackHistory(events, resets), Now);

    private static FeedbackEvent TooLong(int n, double daysAgo = 0) =>
        Nudge("e" + n, "Verbosity", FeedbackDirection.Lower, TimeSpan.FromDays(daysAgo) + TimeSpan.FromMinutes(n), "too long");

    [Fact]
    public void Three_fresh_nudges_make_one_step_and_two_make_none()
    {
        Assert.Empty(Learn(TooLong(1), TooLong(2)).Changes);

        var change = Assert.Single(Learn(TooLong(1), TooLong(2), TooLong(3)).Changes);
        Assert.Equal((Verbosity, "Verbosity", DimensionValue.OfPosition(1), DimensionValue.OfPosition(0)), (change.Dimension, change.DimensionName, change.From, change.To));
        Assert.Equal(["e3", "e2", "e1"], change.CausedBy);
        Assert.Equal("after 3 'too long' ratings today", change.Reason);
        Assert.Equal("Verbosity: Concise (learned; was Balanced) after 3 'too long' ratings today", change.Explain(Registry));
    }

    [Fact]
    public void A_nudge_one_half_life_old_weighs_half_and_opposite_nudges_cancel()
    {
        // Six nudges 14 days old weigh 3: one step; five weigh 2.5: none.
        Assert.Single(Learn(Enumerable.Range(1, 6).Select(i => TooLong(i, 14)).ToArray()).Changes);
        Assert.Empty(Learn(Enumerable.Range(1, 5).Select(i => TooLong(i, 14)).ToArray()).Changes);

        var tooShort = Nudge("s", "Verbosity", FeedbackDirection.Higher, TimeSpan.Zero, "too short");
        Assert.Empty(Learn(TooLong(1), TooLong(2), TooLong(3), tooShort).Changes);

        // Three days old, each weighs 2^(-3/14), about 0.86: three are not a step, four are.
        Assert.Empty(Learn(TooLong(1, 3), TooLong(2, 3), TooLong(3, 3)).Changes);
        var week = Assert.Single(Learn(TooLong(1, 3), TooLong(2, 3), TooLong(3, 3), TooLong(4, 3)).Changes);
        Assert.Equal("after 4 'too long' ratings this week", week.Reason);
    }

    [Fact]
    public void An_undo_drops_every_earlier_nudge_on_that_dimension_only()
    {
        var events = new[] { TooLong(1), TooLong(2), TooLong(3), Nudge("x1", "Examples", FeedbackDirection.Higher, TimeSpan.Zero), Nudge("x2", "Examples", FeedbackDirection.Higher, TimeSpan.Zero), Nudge("x3", "Examples", FeedbackDirection.Higher, TimeSpan.Zero) };
        var learned = Learn(events, [new LearningReset("Verbosity", Now)]);

        var change = Assert.Single(learned.Changes);
        Assert.Equal(("Examples", 4d), (change.DimensionName, change.To.Number));

        // Nudges after the undo count again.
        var after = Learn([.. events, .. new[] { 4, 5, 6 }.Select(i => TooLong(i) with { At = Now })], [new LearningReset("Verbosity", Now - TimeSpan.FromMinutes(1))]);
        Assert.Contains(after.Changes, c => c.DimensionName == "Verbosity");
    }

    [Fact]
    public void Each_kind_steps_its_own_way_and_stops_at_the_end_of_its_domain()
    {
        FeedbackEvent[] Many(string dimension, FeedbackDirection direction, int count) =>
            Enumerable.Range(1, count).Select(i => Nudge(dimension + i, dimension, direction, TimeSpan.FromMinutes(i))).ToArray();

        // Nine "too long" would be three steps down from Balanced; the domain ends at Concise.
        Assert.Equal(0, Assert.Single(Learn(Many("Verbosity", FeedbackDirection.Lower, 9)).Changes).To.Position);
        Assert.Equal(5d, Assert.Single(Learn(Many("Examples", FeedbackDirection.Higher, 6)).Changes).To.Number);

        // A real steps by a tenth of the range every context allows, [0, 0.8]: 0.08.
        Assert.Equal(0.66, Assert.Single(Learn(Many("Creativity", FeedbackDirection.Higher, 6)).Changes).To.Number);
        Assert.Equal(0.5 + (0.2 * 0.8 * 2), Assert.Single(new StepLearner(new StepLearnerOptions(RealStepFraction: 0.2)).Learn(Registry, Start, new FeedbackHistory(Many("Creativity", FeedbackDirection.Higher, 6), []), Now).Changes).To.Number, 6);

        // A boolean takes the value at the end the feedback points to.
        Assert.Equal(1, Assert.Single(Learn(Many("Emoji", FeedbackDirection.Higher, 3)).Changes).To.Position);
        Assert.Empty(Learn(Many("Emoji", FeedbackDirection.Lower, 3)).Changes);
    }

    [Fact]
    public void Only_learnable_dimensions_are_learned_and_future_or_unknown_feedback_teaches_nothing()
    {
        var topics = Enumerable.Range(1, 6).Select(i => Nudge("t" + i, "Topics", FeedbackDirection.Higher, TimeSpan.Zero)).ToArray();
        var unknown = Enumerable.Range(1, 6).Select(i => Nudge("u" + i, "Mood", FeedbackDirection.Higher, TimeSpan.Zero)).ToArray();
        var future = Enumerable.Range(1, 6).Select(i => TooLong(i) with { At = Now.AddDays(1) }).ToArray();
        Assert.Empty(Learn([.. topics, .. unknown, .. future], []).Changes);
        Assert.Empty(new StepLearner().Learn(Build(learnable: false), Start, new FeedbackHistory([TooLong(1), TooLong(2), TooLong(3)], []), Now).Changes);
    }

    [Fact]
    public void Options_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLearner(new StepLearnerOptions(EventsPerStep: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLearner(new StepLearnerOptions(HalfLife: TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLearner(new StepLearnerOptions(RealStepFraction: double.NaN)));
    }
}
