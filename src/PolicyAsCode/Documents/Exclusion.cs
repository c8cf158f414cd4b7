namespace PolicyAsCode.Documents;

/// <summary>
/// Why a value of a dimension is not offered in a context: the adjustment resolution makes to a request holding it.
/// It is taken from <see cref="PolicyInterpreter.Resolve"/> itself, never re-derived, so the tier, bound, reason and
/// explanation it cites are by construction the ones a user asking for the value is told.
/// </summary>
/// <param name="Adjustment">The adjustment resolution made to a request of the value (the other dimensions at their defaults).</param>
public sealed record Exclusion(Adjustment Adjustment)
{
    /// <summary>The tier whose bound excludes the value, or null when resolution cites none.</summary>
    public TierInfo? Tier => Adjustment.Tier;

    /// <summary>
    /// The bound that excludes the value, or null when resolution cites none. For a contradiction
    /// (<see cref="AdjustmentCause.Contradiction"/>) it is the bound that was skipped, as resolution cites it.
    /// </summary>
    public BoundRule? Rule => Adjustment.Rule;

    /// <summary>The bound's reason, as its author wrote it, or null.</summary>
    public string? Reason => Adjustment.Rule?.Reason is { Length: > 0 } reason ? reason : null;

    /// <summary>The bound as written, with its condition when it has one: <c>AtMost(Maturity.Teen) when Minor</c>; null when no bound is cited.</summary>
    public string? Bound => Adjustment.Rule is { } rule
        ? rule.Source + (rule.Condition.IsAlways ? string.Empty : " " + Wording.Condition(rule.Condition))
        : null;

    /// <summary>The adjustment in one sentence (<see cref="Adjustment.Explain(PolicyRegistry)"/>), its links named as the policy names them.</summary>
    public string Explanation => Registry is null ? Adjustment.Explain() : Adjustment.Explain(Registry);

    // The policy the adjustment was made under, so a project's own benefits and risks are named by their ids.
    internal PolicyRegistry? Registry { get; init; }
}
