using System.Collections.Immutable;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI.LlamaGuard;

/// <summary>What a Llama Guard answer said.</summary>
/// <param name="IsSafe">Whether the answer was a well-formed <c>safe</c>.</param>
/// <param name="Hazards">
/// The hazards to decide on: none for <c>safe</c>; the listed categories for <c>unsafe</c>; and
/// <see cref="HazardClassification.Unclassifiable"/> whenever the answer was malformed, so the policy refuses (fail closed).
/// </param>
/// <param name="Codes">The category codes listed, as written.</param>
/// <param name="Problem">What was wrong with a malformed answer, or null.</param>
public sealed record LlamaGuardVerdict(bool IsSafe, Hazard Hazards, ImmutableArray<string> Codes, string? Problem)
{
    /// <summary>Whether the answer did not follow Llama Guard's format.</summary>
    public bool IsMalformed => Problem is not null;
}
