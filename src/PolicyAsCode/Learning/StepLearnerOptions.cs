using System;

namespace PolicyAsCode.Learning;

/// <summary>How <see cref="StepLearner"/> weighs and steps.</summary>
/// <param name="EventsPerStep">How much weight of feedback one step takes: 3 fresh nudges the same way move one step.</param>
/// <param name="HalfLife">After this long a nudge weighs half as much (null: 14 days).</param>
/// <param name="RealStepFraction">One step of a real dimension, as a share of the range the policy allows it everywhere.</param>
public sealed record StepLearnerOptions(double EventsPerStep = 3, TimeSpan? HalfLife = null, double RealStepFraction = 0.1)
{
    /// <summary>The half-life in force.</summary>
    public TimeSpan EffectiveHalfLife => HalfLife ?? TimeSpan.FromDays(14);
}
