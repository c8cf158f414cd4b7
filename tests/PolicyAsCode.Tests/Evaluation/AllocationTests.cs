using System;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The generated evaluator's hot paths allocate nothing: deciding never, resolving nothing when nothing moved and
/// exactly one object, the effective record, when something did, however much moved (the adjustments are explained
/// only when read). Allocations are counted on this thread, exactly, after a warm-up (so JIT and static
/// initialisation are done).
/// </summary>
public sealed class AllocationTests
{
    private const int Iterations = 10_000;

    private static readonly PolicyContext Context = PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    // Inside every bound in this context: nothing to adjust.
    private static readonly LearnerPreferences Within = new()
    {
        Maturity = Maturity.Teen, Tone = Tone.Playful, MemoryDays = 7, Creativity = 0.5, Topics = Topics.Science | Topics.History,
        Language = "fr", AvoidHazards = Hazard.Hate,
    };

    // Outside the organisation's maturity cap: one adjustment.
    private static readonly LearnerPreferences Outside = Within with { Maturity = Maturity.Mature };

    [Fact]
    public void Decide_allocates_nothing_whether_it_allows_or_refuses()
    {
        var resolution = LearnerPreferences.Resolve(Within, Context, DimensionSet.Empty);
        var unresolved = default(Resolution<LearnerPreferences>);
        Assert.True(LearnerPreferences.Decide(resolution, Hazard.ViolentCrimes).IsAllowed);
        Assert.Equal(DecisionCause.Forbidden, LearnerPreferences.Decide(resolution, Hazard.Elections).Cause);
        Assert.Equal(DecisionCause.Forbidden, LearnerPreferences.Decide(resolution, Hazard.Hate).Cause);
        Assert.Equal(DecisionCause.UnknownHazard, LearnerPreferences.Decide(resolution, Hazard.Custom3).Cause);
        Assert.Equal(DecisionCause.Unresolved, LearnerPreferences.Decide(unresolved, Hazard.None).Cause);

        var allowed = Measure(() =>
        {
            var n = 0;
            for (var i = 0; i < Iterations; i++)
            {
                n += LearnerPreferences.Decide(resolution, Hazard.ViolentCrimes).IsAllowed ? 1 : 0;
            }

            return n;
        });
        Assert.Equal(Iterations, allowed.Result);
        Assert.Equal(0, allowed.Bytes);

        var refused = Measure(() =>
        {
            var n = 0;
            for (var i = 0; i < Iterations; i++)
            {
                n += LearnerPreferences.Decide(resolution, Hazard.Elections).Rule is not null ? 1 : 0;
                n += LearnerPreferences.Decide(resolution, Hazard.Hate).Rule is not null ? 1 : 0;
                n += LearnerPreferences.Decide(resolution, Hazard.Custom3).IsAllowed ? 0 : 1;
                n += LearnerPreferences.Decide(unresolved, Hazard.None).IsAllowed ? 0 : 1;
            }

            return n;
        });
        Assert.Equal(4 * Iterations, refused.Result);
        Assert.Equal(0, refused.Bytes);
    }

    [Fact]
    public void Resolve_with_nothing_to_adjust_returns_the_request_itself_and_allocates_nothing()
    {
        var resolution = LearnerPreferences.Resolve(Within, Context, DimensionSet.Empty);
        Assert.Same(Within, resolution.Effective);
        Assert.False(resolution.IsAdjusted);
        Assert.Empty(resolution.Adjustments);

        var unreadable = DimensionSet.Empty;
        var measured = Measure(() =>
        {
            var same = 0;
            for (var i = 0; i < Iterations; i++)
            {
                var r = LearnerPreferences.Resolve(Within, Context, unreadable);
                same += ReferenceEquals(r.Effective, Within) && !r.IsAdjusted ? 1 : 0;
            }

            return same;
        });
        Assert.Equal(Iterations, measured.Result);
        Assert.Equal(0, measured.Bytes);

        // The two-argument overload too.
        var overload = Measure(() =>
        {
            var same = 0;
            for (var i = 0; i < Iterations; i++)
            {
                same += ReferenceEquals(LearnerPreferences.Resolve(Within, Context).Effective, Within) ? 1 : 0;
            }

            return same;
        });
        Assert.Equal(Iterations, overload.Result);
        Assert.Equal(0, overload.Bytes);
    }

    // Laws within laws add tests of the matched jurisdiction, never allocation: in a national jurisdiction (DE within
    // EU, US-CA within US), in its parent's, and where every law applies, a request inside every bound costs 0 bytes.
    [Theory]
    [InlineData("DE")]
    [InlineData("US-CA")]
    [InlineData("US")]
    [InlineData("BR")]
    [InlineData(null)]
    public void Resolve_with_nothing_to_adjust_allocates_nothing_under_nested_laws(string? jurisdiction)
    {
        var context = PolicyContext.In(jurisdiction).With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);
        var resolution = LearnerPreferences.Resolve(Within, context, DimensionSet.Empty);
        Assert.Same(Within, resolution.Effective);
        Assert.Equal(LearnerPreferences.Registry.MatchJurisdiction(jurisdiction), resolution.Jurisdiction);

        var measured = Measure(() =>
        {
            var same = 0;
            for (var i = 0; i < Iterations; i++)
            {
                same += ReferenceEquals(LearnerPreferences.Resolve(Within, context, DimensionSet.Empty).Effective, Within) ? 1 : 0;
            }

            return same;
        });
        Assert.Equal(Iterations, measured.Result);
        Assert.Equal(0, measured.Bytes);
    }

    // A minor asking for everything: six of the nine values move (clamped, failed closed on nothing, each its own bound).
    private static readonly LearnerPreferences Everything = new()
    {
        Maturity = Maturity.Mature, Tone = Tone.Sarcastic, MemoryDays = 30, Topics = Topics.Romance | Topics.Science, Creativity = 1.0,
        DiscloseAi = false, Language = "nl",
    };

    private static readonly PolicyContext Minor = PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false);

    [Fact]
    public void Resolve_with_one_clamp_allocates_exactly_the_effective_record()
    {
        var resolution = LearnerPreferences.Resolve(Outside, Context, DimensionSet.Empty);
        Assert.NotSame(Outside, resolution.Effective);
        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
        Assert.Equal([new AdjustedDimension(0, AdjustmentCause.Clamped)], resolution.AdjustedDimensions);

        var measured = Measure(() => Resolved(Outside, Context));
        Assert.Equal(Iterations, measured.Result);
        Assert.Equal(Iterations * RecordSize(), measured.Bytes);

        // Explained on demand, it still names the organisation's cap.
        var adjustment = Assert.Single(resolution.Adjustments);
        Assert.Equal("contoso-learning", adjustment.Tier!.Name);
        Assert.Equal(DimensionValue.OfPosition(2), adjustment.Requested);
    }

    [Fact]
    public void Resolve_with_many_clamps_allocates_exactly_the_effective_record()
    {
        var resolution = LearnerPreferences.Resolve(Everything, Minor, DimensionSet.Empty);
        Assert.True(resolution.AdjustedDimensions.Count >= 5, resolution.AdjustedDimensions.ToString());

        var measured = Measure(() => Resolved(Everything, Minor));
        Assert.Equal(Iterations, measured.Result);
        Assert.Equal(Iterations * RecordSize(), measured.Bytes);
        Assert.Equal(resolution.AdjustedDimensions.Count, resolution.Adjustments.Count);
    }

    [Fact]
    public void Admits_and_Granted_allocate_nothing_even_where_resolving_would_move_a_value()
    {
        Assert.True(LearnerPreferences.Resolve(Outside, Context, DimensionSet.Empty).IsAdjusted);
        var measured = Measure(() =>
        {
            var n = 0;
            for (var i = 0; i < Iterations; i++)
            {
                var scope = new LearnerPreferences.PolicyScope(Context);
                n += LearnerPreferences.Admits(Outside, scope, Hazard.ViolentCrimes) ? 1 : 0;
                n += LearnerPreferences.Admits(Outside, Context, Hazard.Hate) ? 0 : 1;
                n += LearnerPreferences.Granted.Maturity(Outside, scope) == Maturity.Teen ? 1 : 0;
                n += LearnerPreferences.Granted.Language(null, scope) == "en" ? 1 : 0;
            }

            return n;
        });
        Assert.Equal(4 * Iterations, measured.Result);
        Assert.Equal(0, measured.Bytes);
    }

    // How many adjusted resolutions of requested in context the loop made (each must adjust something).
    private static int Resolved(LearnerPreferences requested, PolicyContext context)
    {
        var adjusted = 0;
        for (var i = 0; i < Iterations; i++)
        {
            adjusted += LearnerPreferences.Resolve(requested, context, DimensionSet.Empty).IsAdjusted ? 1 : 0;
        }

        return adjusted;
    }

    // The size of one LearnerPreferences, measured by copying one as the evaluator builds its effective record.
    private static long RecordSize()
    {
        var copy = Measure(() =>
        {
            var n = 0;
            for (var i = 0; i < Iterations; i++)
            {
                n += (Within with { Tone = Tone.Neutral }).Tone == Tone.Neutral ? 1 : 0;
            }

            return n;
        });
        Assert.Equal(Iterations, copy.Result);
        Assert.True(copy.Bytes > 0 && copy.Bytes % Iterations == 0, $"{copy.Bytes} bytes for {Iterations} copies");
        return copy.Bytes / Iterations;
    }

    private static (int Result, long Bytes) Measure(Func<int> loop)
    {
        // Warm up: JIT, tiering and static constructors allocate; the measured run must not.
        for (var i = 0; i < 3; i++)
        {
            loop();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = loop();
        var after = GC.GetAllocatedBytesForCurrentThread();
        return (result, after - before);
    }
}
