using System.Collections.Generic;
using PolicyAsCode.Json;

namespace PolicyAsCode.Testing;

/// <summary>
/// What a policy made of a case, the same whether the compiled evaluator or the reference interpreter made it: values
/// encoded in dimension order, adjustments and decision as the runtime returns them. Everything after this point
/// (comparison, report, coverage) is one code path for both.
/// </summary>
/// <param name="Requested">The requested values, encoded (unreadable ones hold the reader's stand-in).</param>
/// <param name="Unreadable">The dimensions whose requested value could not be read.</param>
/// <param name="Errors">The preferences' errors, with their JSON paths.</param>
/// <param name="Effective">The effective values, encoded.</param>
/// <param name="Adjustments">The resolution's adjustments.</param>
/// <param name="ActiveForbids">Which of the registry's hazard rules apply (bit i: rule i).</param>
/// <param name="Decision">The decision on the case's content, or null when the case decides on none.</param>
internal sealed record CaseOutcome(
    DimensionValue[] Requested,
    DimensionSet Unreadable,
    IReadOnlyList<PreferenceError> Errors,
    DimensionValue[] Effective,
    IReadOnlyList<Adjustment> Adjustments,
    ulong ActiveForbids,
    Decision? Decision);
