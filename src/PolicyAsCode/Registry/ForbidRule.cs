using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>A tier's rule that refuses content showing some hazards, or the user's own list of hazards to avoid.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Forbids"/>: tier rules by tier then as written, the user's own last.</param>
/// <param name="Tier">Index of the tier that set it.</param>
/// <param name="Hazards">The hazards it forbids (for the user's own rule: the hazards a user may list).</param>
/// <param name="Condition">When it applies.</param>
/// <param name="Reason">Why it exists.</param>
/// <param name="Dimension">For the user's own rule: the dimension holding the user's list; otherwise null.</param>
/// <param name="Mitigates">Risks the rule mitigates (empty when none are given).</param>
public sealed record ForbidRule(int Index, int Tier, Hazard Hazards, Condition Condition, string? Reason, int? Dimension, ImmutableArray<Risk> Mitigates = default)
{
    /// <summary>Risks the rule mitigates; never a default array, so callers can enumerate it without checking.</summary>
    public ImmutableArray<Risk> Mitigates { get; init => field = value.IsDefault ? [] : value; } = Mitigates.IsDefault ? [] : Mitigates;

    /// <summary>Equality by value, including the contents of <see cref="Mitigates"/>.</summary>
    public bool Equals(ForbidRule? other) =>
        other is not null && Index == other.Index && Tier == other.Tier && Hazards == other.Hazards && Condition == other.Condition
        && Reason == other.Reason && Dimension == other.Dimension
        && RecordEquality.Same(Mitigates, other.Mitigates);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Index, Tier, Hazards, Condition);
}
