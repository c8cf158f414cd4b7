namespace PolicyAsCode;

/// <summary>
/// When a bound or rule applies: every <see cref="When"/> fact holds and not every <see cref="Unless"/> fact holds.
/// Unknown facts resolve toward applying the rule, because applying one more rule can only narrow.
/// </summary>
/// <param name="When">Facts that must hold; none means always.</param>
/// <param name="Unless">Facts that switch the rule off once all are known to hold; none means never.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct Condition(Fact When, Fact Unless)
{
    /// <summary>The condition that always holds.</summary>
    public static Condition Always => default;

    /// <summary>Whether the condition always holds.</summary>
    public bool IsAlways => When == Fact.None && Unless == Fact.None;

    // Both operands are always evaluated (& and |, not && and ||): the facts vary request by request, and a jump on
    // them would be mispredicted in the evaluators' scope, which calls these once per context.

    /// <summary>Whether a restricting rule with this condition applies in <paramref name="context"/>.</summary>
    public bool Restricts(in PolicyContext context) =>
        !context.Refutes(When) & (Unless == Fact.None | !context.Establishes(Unless));

    /// <summary>Whether a loosening rule (a waiver) with this condition holds: its facts must be established, never assumed.</summary>
    public bool Loosens(in PolicyContext context) =>
        context.Establishes(When) & (Unless == Fact.None | context.Refutes(Unless));

    /// <inheritdoc/>
    public override string ToString() => Wording.Condition(this);
}
