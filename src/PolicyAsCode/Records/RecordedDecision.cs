using System.Collections.Generic;

namespace PolicyAsCode.Records;

/// <summary>One decision on content, as recorded.</summary>
/// <param name="Allowed">Whether the content was allowed.</param>
/// <param name="Stage"><c>input</c> (what the user or a tool sent) or <c>output</c> (what the model answered).</param>
/// <param name="Detected">The hazards the classifier detected, by code (<c>S1</c>…<c>S14</c>, a custom category's code, or <c>0x…</c> for bits no category names).</param>
/// <param name="Cause"><c>allowed</c>, <c>forbidden</c>, <c>unknown_hazard</c> or <c>unresolved</c>.</param>
/// <param name="Rule">The canonical index of the hazard rule that refused, or null.</param>
/// <param name="Tier">The name of the tier whose rule refused, or null.</param>
/// <param name="Hazards">The detected hazards that caused a refusal, by code; empty when allowed.</param>
public sealed record RecordedDecision(bool Allowed, string Stage, IReadOnlyList<string> Detected, string Cause, int? Rule, string? Tier, IReadOnlyList<string> Hazards);
