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
