namespace PolicyAsCode;

/// <summary>What a lower-tier rule does to the bounds above it, as <see cref="OverrideCheck"/> finds it.</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum OverrideKind
{
    /// <summary>A value the tier fixes (a default, a preset's value) lies outside the bounds that bind it in every context where it is used.</summary>
    Value,

    /// <summary>A bound leaves no value the higher tiers allow, so resolution skips it as a contradiction.</summary>
    Bound,

    /// <summary>A bound allows everything the higher tiers already allow in a jurisdiction, in every context: it has no effect there.</summary>
    NoEffect,
}

/// <summary>
/// One lower-tier rule that a higher tier's bounds override (or, for <see cref="OverrideKind.NoEffect"/>, make
/// redundant) in a jurisdiction, with a context in which it happens.
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Dimension">The dimension.</param>
/// <param name="Tier">The lower tier whose rule it is.</param>
/// <param name="Bound">The canonical index of the lower tier's bound, or -1 for a value.</param>
/// <param name="Value">The value, for <see cref="OverrideKind.Value"/>.</param>
/// <param name="Jurisdiction">The jurisdiction index, or -1 when the policy has no law.</param>
/// <param name="Witness">A context in which it happens: facts known to hold, known not to hold, the rest unknown.</param>
/// <param name="InEveryContext">Whether it happens in every context of the jurisdiction in which the rule is in force.</param>
/// <param name="Higher">The canonical index of the higher bound that the rule breaks in the witness, or -1 when only several together do.</param>
/// <param name="HigherAllows">What the bounds that bind the rule allow in the witness.</param>
/// <param name="AllowedWherever">What those bounds allow in every context in which the rule is in force (empty when no value fits them all).</param>
/// <param name="Relevant">The facts of <paramref name="Witness"/> whose state matters: with any of them otherwise, it would not happen.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
sealed record Override(
    OverrideKind Kind,
    int Dimension,
    int Tier,
    int Bound,
    DimensionValue Value,
    int Jurisdiction,
    PolicyContext Witness,
    bool InEveryContext,
    int Higher,
    Bound HigherAllows,
    Bound AllowedWherever,
    Fact Relevant);
