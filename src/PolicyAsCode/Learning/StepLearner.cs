// serve: placeholder until learn merges
using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Learning;

/// <summary>Options of <see cref="StepLearner"/>.</summary>
/// <param name="EventsPerStep">How many (undecayed) nudges one way move a dimension one step.</param>
/// <param name="HalfLife">How fast old feedback fades; null: 14 days.</param>
public sealed record StepLearnerOptions(int EventsPerStep = 3, TimeSpan? HalfLife = null);

/// <summary>Per-dimension steps towards the feedback, with decay (placeholder: every ordered dimension is learnable).</summary>
public sealed class StepLearner(StepLearnerOptions? options = null) : IPreferenceLearner
{
    private readonly StepLearnerOptions _options = options ?? new StepLearnerOptions();

    /// <inheritdoc/>
    public LearnedPreferences Learn(PolicyRegistry registry, ReadOnlySpan<DimensionValue> start, FeedbackHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(history);
        var halfLife = (_options.HalfLife ?? TimeSpan.FromDays(14)).TotalDays;
        var changes = new List<LearnedChange>();
        foreach (var dimension in registry.Dimensions)
        {
            if (dimension.Kind is not (DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real or DimensionKind.Boolean))
            {
                continue;
            }

            var resetAt = history.Resets.Where(r => r.Dimension == dimension.Name).Select(r => r.At).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            double net = 0;
            var causes = new List<string>();
            var labels = new List<string>();
            foreach (var e in history.Events.Where(e => e.At >= resetAt))
            {
                foreach (var nudge in e.Nudges.Where(n => n.Dimension == dimension.Name))
                {
                    net += (int)nudge.Direction * Math.Pow(0.5, Math.Max(0, (now - e.At).TotalDays) / halfLife);
                    causes.Add(e.Id);
                    labels.Add(nudge.Label ?? nudge.Direction.ToString().ToLowerInvariant());
                }
            }

            var steps = (int)(net / _options.EventsPerStep);
            var from = start[dimension.Index];
            var to = Step(dimension, from, steps);
            if (to != from)
            {
                var label = labels.GroupBy(l => l).OrderByDescending(g => g.Count()).First().Key;
                changes.Add(new LearnedChange(dimension.Index, dimension.Name, from, to, causes.Distinct().ToList(), $"after {causes.Count} '{label}' ratings"));
            }
        }

        return new LearnedPreferences(changes);
    }

    private static DimensionValue Step(DimensionInfo dimension, DimensionValue from, int steps) => dimension.Kind switch
    {
        DimensionKind.Ordinal or DimensionKind.Boolean => DimensionValue.OfPosition(Math.Clamp(from.Position + steps, 0, dimension.Members.Length - 1)),
        DimensionKind.Integer => DimensionValue.OfNumber(Math.Clamp(from.Number + steps, dimension.Domain.Lo, dimension.Domain.Hi)),
        _ => DimensionValue.OfNumber(Math.Clamp(from.Number + (steps * 0.1), dimension.Domain.Lo, dimension.Domain.Hi)),
    };
}
