using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PolicyAsCode.Learning;

/// <summary>
/// The shipped learner, one a person can follow by hand. Per learnable dimension it sums the directions of the nudges
/// since the last undo, each weighted by 2^(-age / half-life) with its age in whole days (today's nudges weigh 1); every <see cref="StepLearnerOptions.EventsPerStep"/> of
/// weight moves one step that way from the start value: one member of an enum, 1 for an integer, a fraction of the
/// allowed range for a real, and for a boolean the value at that end. There is no hidden state: the same history and
/// time give the same proposal.
/// </summary>
public sealed class StepLearner(StepLearnerOptions? options = null) : IPreferenceLearner
{
    /// <summary>The options in force.</summary>
    public StepLearnerOptions Options { get; } = Check(options ?? new StepLearnerOptions());

    /// <inheritdoc/>
    public LearnedPreferences Learn(PolicyRegistry registry, ReadOnlySpan<DimensionValue> start, FeedbackHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(history);
        var changes = new List<LearnedChange>();
        foreach (var dimension in registry.Dimensions)
        {
            if (!dimension.Learnable || dimension.Index >= start.Length)
            {
                continue;
            }

            var change = LearnOne(registry, dimension, start[dimension.Index], history, now);
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return new LearnedPreferences(changes);
    }

    private LearnedChange? LearnOne(PolicyRegistry registry, DimensionInfo dimension, DimensionValue from, FeedbackHistory history, DateTimeOffset now)
    {
        var countsFrom = history.CountsFrom(dimension.Name);
        var score = 0.0;
        var nudges = new List<(FeedbackEvent Event, DimensionNudge Nudge)>();
        foreach (var feedback in history.Events)
        {
            // Undone and future feedback teaches nothing.
            if (feedback.At < countsFrom || feedback.At > now)
            {
                continue;
            }

            foreach (var nudge in feedback.Nudges)
            {
                if (nudge.Dimension == dimension.Name && nudge.Direction is FeedbackDirection.Lower or FeedbackDirection.Higher)
                {
                    score += (int)nudge.Direction * Weight(now - feedback.At);
                    nudges.Add((feedback, nudge));
                }
            }
        }

        // A tiny epsilon keeps weights that add up to a whole number of steps, less rounding, that many steps.
        var steps = (int)Math.Truncate((score / Options.EventsPerStep) + (Math.Sign(score) * 1e-9));
        if (steps == 0 || !dimension.InDomain(from))
        {
            return null;
        }

        var to = Step(registry, dimension, from, steps);
        if (to == from)
        {
            return null;
        }

        var towards = steps < 0 ? FeedbackDirection.Lower : FeedbackDirection.Higher;
        var causes = nudges.Where(n => n.Nudge.Direction == towards).OrderBy(n => n.Event.At).ThenBy(n => n.Event.Id, StringComparer.Ordinal).ToList();
        return new LearnedChange(
            dimension.Index,
            dimension.Name,
            from,
            to,
            causes.Select(c => c.Event.Id).Distinct(StringComparer.Ordinal).ToList(),
            Reason(dimension, towards, causes, now));
    }

    // Whole days, so that three nudges given today make one step, as a person counting them would expect.
    private double Weight(TimeSpan age) => Math.Pow(2, -(Math.Floor(age.TotalDays) / Options.EffectiveHalfLife.TotalDays));

    private DimensionValue Step(PolicyRegistry registry, DimensionInfo dimension, DimensionValue from, int steps)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Ordinal:
                return DimensionValue.OfPosition(Math.Clamp(from.Position + steps, 0, dimension.Members.Length - 1));
            case DimensionKind.Boolean:
                return DimensionValue.OfPosition(steps < 0 ? 0 : 1);
            case DimensionKind.Integer:
                return DimensionValue.OfNumber(Math.Clamp(from.Number + steps, int.MinValue, int.MaxValue));
            case DimensionKind.Real:
                // Rounded to millionths, so 0.5 and two steps of 0.08 read 0.66, not 0.6600000000000001.
                var next = from.Number + (steps * RealStep(registry, dimension));
                next = Math.Abs(next) < 1e9 ? Math.Round(next, 6) : next;
                return DimensionValue.OfNumber(Math.Clamp(next, -double.MaxValue, double.MaxValue));
            default:
                return from;
        }
    }

    // The range every context allows (no jurisdiction matched, nothing known: every law and every conditional bound
    // applies), so a step is the same size for every user; 1 when the bounds leave the range open.
    private double RealStep(PolicyRegistry registry, DimensionInfo dimension)
    {
        var allowed = Binding.Allowed(registry.Shape, dimension.Index, -1, PolicyContext.In(null));
        var span = allowed.Hi - allowed.Lo;
        return double.IsFinite(span) && span > 0 && span < 1e12 ? span * Options.RealStepFraction : 1;
    }

    private static string Reason(DimensionInfo dimension, FeedbackDirection towards, List<(FeedbackEvent Event, DimensionNudge Nudge)> causes, DateTimeOffset now)
    {
        var count = causes.Count;
        var labels = causes.Select(c => c.Nudge.Label).Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.Ordinal).ToList();
        var what = labels.Count == 1 && causes.All(c => c.Nudge.Label == labels[0])
            ? $"'{labels[0]}' {(count == 1 ? "rating" : "ratings")}"
            : $"{(count == 1 ? "rating" : "ratings")} asking for {(towards == FeedbackDirection.Lower ? "lower" : "higher")} {dimension.Name}";
        var oldest = causes.Count == 0 ? now : causes[0].Event.At;
        var age = now - oldest;
        var when = age <= TimeSpan.FromDays(1) ? "today"
            : age <= TimeSpan.FromDays(7) ? "this week"
            : age <= TimeSpan.FromDays(31) ? "this month"
            : "since " + oldest.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"after {count.ToString(CultureInfo.InvariantCulture)} {what} {when}";
    }

    private static StepLearnerOptions Check(StepLearnerOptions options)
    {
        if (!(options.EventsPerStep > 0) || !double.IsFinite(options.EventsPerStep))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventsPerStep, "EventsPerStep must be a positive number.");
        }

        if (options.EffectiveHalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EffectiveHalfLife, "HalfLife must be positive.");
        }

        if (!(options.RealStepFraction > 0) || !double.IsFinite(options.RealStepFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RealStepFraction, "RealStepFraction must be a positive number.");
        }

        return options;
    }
}
