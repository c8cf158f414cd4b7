using System;
using System.Collections.Immutable;

namespace PolicyAsCode.Runtime;

/// <summary>
/// One bound an overlay adds to the organisation tier, as written (values are text until the overlay is compiled
/// against a policy, which checks them against the dimension's type).
/// </summary>
/// <param name="Dimension">The dimension's name (matched ignoring case).</param>
/// <param name="Form">AtMost, AtLeast, Between, Locked or Allowed.</param>
/// <param name="Values">The bound's arguments: one value (two for Between, one or more for Allowed).</param>
/// <param name="When">Facts the bound is conditional on, like a compiled bound's <c>When</c>.</param>
/// <param name="Unless">Facts that switch the bound off once all hold, like a compiled bound's <c>Unless</c>.</param>
/// <param name="Reason">Why the organisation narrows; shown in every adjustment the bound causes.</param>
/// <param name="Jurisdiction">
/// The jurisdiction the bound is confined to (matched ignoring case), or null for every jurisdiction. It binds wherever
/// that jurisdiction's law applies: in the jurisdiction, in every one within it (an entry for EU binds in DE), and
/// where no jurisdiction matched (every law applies there).
/// </param>
public sealed record OverlayBound(
    string Dimension, BoundForm Form, ImmutableArray<string> Values, Fact When = Fact.None, Fact Unless = Fact.None, string? Reason = null, string? Jurisdiction = null)
{
    /// <summary>Equality by value, including the values.</summary>
    public bool Equals(OverlayBound? other) =>
        other is not null && string.Equals(Dimension, other.Dimension, StringComparison.OrdinalIgnoreCase) && Form == other.Form
        && RecordEquality.Same(Values, other.Values) && When == other.When && Unless == other.Unless && Reason == other.Reason
        && string.Equals(Jurisdiction, other.Jurisdiction, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension.ToUpperInvariant(), Form, Values.Length, When, Unless, Jurisdiction?.ToUpperInvariant());

    /// <summary>The bound as it would be written in configuration, e.g. <c>Maturity.AtMost = General</c>, <c>MemoryDays.AtMost = 7 in DE</c>.</summary>
    public override string ToString() =>
        $"{Dimension}.{Form} = {string.Join(", ", Values)}" + (When != Fact.None ? $" when {When}" : string.Empty) + (Unless != Fact.None ? $" unless {Unless}" : string.Empty)
        + (Jurisdiction is not null ? $" in {Jurisdiction}" : string.Empty);
}
