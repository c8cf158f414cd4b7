namespace PolicyAsCode;

/// <summary>
/// What is known about one request: the jurisdiction it is served in and the facts established about the user.
/// A fact not in <see cref="Known"/> is unknown, and evaluation assumes whatever is stricter.
/// </summary>
/// <param name="Jurisdiction">The jurisdiction, matched to the immutable tiers' jurisdictions ignoring case; null or unmatched applies them all.</param>
/// <param name="Facts">The facts that hold (only those also in <see cref="Known"/> count).</param>
/// <param name="Known">The facts whose truth was established either way.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct PolicyContext(string? Jurisdiction, Fact Facts = Fact.None, Fact Known = Fact.None)
{
    /// <summary>A context in <paramref name="jurisdiction"/> where nothing is known about the user.</summary>
    public static PolicyContext In(string? jurisdiction) => new(jurisdiction);

    /// <summary>This context with <paramref name="fact"/> established as holding or not.</summary>
    public PolicyContext With(Fact fact, bool holds) =>
        this with { Known = Known | fact, Facts = holds ? Facts | fact : Facts & ~fact };

    /// <summary>Whether every fact in <paramref name="facts"/> is known to hold.</summary>
    public bool Establishes(Fact facts) => (Known & Facts & facts) == facts;

    /// <summary>Whether some fact in <paramref name="facts"/> is known not to hold.</summary>
    public bool Refutes(Fact facts) => (Known & ~Facts & facts) != 0;
}
