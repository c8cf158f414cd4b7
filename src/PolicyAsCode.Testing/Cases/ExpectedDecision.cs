using System.Collections.Generic;

namespace PolicyAsCode.Testing;

/// <summary>An expected decision on content.</summary>
/// <param name="Allowed">Whether the content is allowed.</param>
/// <param name="Tier">For a refusal: the tier whose rule refused, or null when not checked.</param>
/// <param name="Rule">For a refusal: the rule, as coverage words it (<c>refuses SexualContent (when Minor)</c>), or null.</param>
/// <param name="Hazards">For a refusal: the detected hazards that caused it, or null when not checked.</param>
/// <param name="Path">Where the case file says it.</param>
public sealed record ExpectedDecision(bool Allowed, string? Tier, string? Rule, IReadOnlyList<string>? Hazards, string Path);
