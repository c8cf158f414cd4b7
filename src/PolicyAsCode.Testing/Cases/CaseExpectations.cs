using System.Collections.Generic;

namespace PolicyAsCode.Testing;

/// <summary>
/// What a case expects. Each part is checked only when the case gives it, except preference errors: a case that lists
/// none expects none, so a misspelt preference fails the case instead of silently asking for a default.
/// </summary>
public sealed class CaseExpectations
{
    internal CaseExpectations(IReadOnlyList<ExpectedValue> effective, IReadOnlyList<ExpectedAdjustment>? adjustments, ExpectedDecision? decision, IReadOnlyList<string> errors)
    {
        Effective = effective;
        Adjustments = adjustments;
        Decision = decision;
        Errors = errors;
    }

    /// <summary>Effective values of some or all dimensions, in the wire format.</summary>
    public IReadOnlyList<ExpectedValue> Effective { get; }

    /// <summary>Every adjustment the resolution must make, and no other; null when adjustments are not checked.</summary>
    public IReadOnlyList<ExpectedAdjustment>? Adjustments { get; }

    /// <summary>The decision on the case's content, or null when not checked.</summary>
    public ExpectedDecision? Decision { get; }

    /// <summary>The JSON paths of the preference errors the request must have (none unless listed).</summary>
    public IReadOnlyList<string> Errors { get; }
}

/// <summary>An expected effective value.</summary>
/// <param name="Dimension">The dimension's JSON name, as preferences write it (<c>memoryDays</c>).</param>
/// <param name="Json">The value in the wire format, as JSON text.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedValue(string Dimension, string Json, string Path);

/// <summary>An expected adjustment: the dimension, and any of how it moved, whose tier and which bound.</summary>
/// <param name="Dimension">The dimension's JSON name.</param>
/// <param name="Cause"><c>clamped</c>, <c>waived</c>, <c>failed closed</c> or <c>contradiction</c>, or null when not checked.</param>
/// <param name="Tier">The tier as a reader names it (<c>law of DE within EU</c>, <c>organisation contoso-learning</c>), or null.</param>
/// <param name="Bound">The bound as written (<c>AtMost(Maturity.Teen)</c>), or null.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedAdjustment(string Dimension, string? Cause, string? Tier, string? Bound, string Path);

/// <summary>An expected decision on content.</summary>
/// <param name="Allowed">Whether the content is allowed.</param>
/// <param name="Tier">For a refusal: the tier whose rule refused, or null when not checked.</param>
/// <param name="Rule">For a refusal: the rule, as coverage words it (<c>refuses SexualContent (when Minor)</c>), or null.</param>
/// <param name="Hazards">For a refusal: the detected hazards that caused it, or null when not checked.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedDecision(bool Allowed, string? Tier, string? Rule, IReadOnlyList<string>? Hazards, string Path);
