using System;
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>One value learned from feedback, with the feedback that caused it.</summary>
/// <param name="Dimension">The dimension's index in the registry.</param>
/// <param name="DimensionName">The dimension's name, to check the index still names it under another policy version.</param>
/// <param name="From">The value learning started from.</param>
/// <param name="To">The value learned.</param>
/// <param name="CausedBy">The ids of the feedback events that moved it.</param>
/// <param name="Reason">Why, in words: "after 3 'too long' ratings this week".</param>
public sealed record LearnedChange(int Dimension, string DimensionName, DimensionValue From, DimensionValue To, IReadOnlyList<string> CausedBy, string Reason)
{
    /// <summary>The change in one sentence: "Verbosity: Concise (learned; was Balanced) after 3 'too long' ratings this week".</summary>
    /// <exception cref="ArgumentException">The registry has no dimension <see cref="Dimension"/> named <see cref="DimensionName"/>.</exception>
    public string Explain(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if ((uint)Dimension >= (uint)registry.Dimensions.Length || registry.Dimensions[Dimension].Name != DimensionName)
        {
            throw new ArgumentException($"The policy {registry.Name} has no dimension {DimensionName} at {Dimension}.", nameof(registry));
        }

        var dimension = registry.Dimensions[Dimension];
        return $"{DimensionName}: {dimension.Format(To)} (learned; was {dimension.Format(From)}) {Reason}";
    }
}
