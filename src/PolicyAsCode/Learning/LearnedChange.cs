// serve: placeholder until learn merges
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>One value learned from feedback.</summary>
/// <param name="Dimension">The dimension's index.</param>
/// <param name="DimensionName">The dimension's name.</param>
/// <param name="From">The value learning started from.</param>
/// <param name="To">The learned value.</param>
/// <param name="CausedBy">The ids of the feedback events that caused it.</param>
/// <param name="Reason">Why, for a person: "after 3 'too long' ratings".</param>
public sealed record LearnedChange(int Dimension, string DimensionName, DimensionValue From, DimensionValue To, IReadOnlyList<string> CausedBy, string Reason)
{
    /// <summary>The change in one sentence: "Verbosity: Concise (learned; was Balanced) after 3 'too long' ratings".</summary>
    public string Explain(PolicyRegistry registry)
    {
        System.ArgumentNullException.ThrowIfNull(registry);
        var dimension = registry.Dimensions[Dimension];
        return $"{DimensionName}: {dimension.Format(To)} (learned; was {dimension.Format(From)}) {Reason}";
    }
}
