using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode;

/// <summary>One value the resolution moved, or granted only under a waiver, with the bound and tier responsible.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Cause">Why it moved.</param>
/// <param name="Requested">What the user asked for (meaningless when the request could not be read).</param>
/// <param name="Granted">What the user got.</param>
/// <param name="Rule">The bound responsible (for a contradiction: the bound that was skipped), or null when none is.</param>
/// <param name="Tier">The tier that set <paramref name="Rule"/>, or null.</param>
public sealed record Adjustment(
    DimensionInfo Dimension,
    AdjustmentCause Cause,
    DimensionValue Requested,
    DimensionValue Granted,
    BoundRule? Rule,
    TierInfo? Tier)
{
    /// <summary>The adjustment in one plain sentence: what was asked, what was granted, by whose bound and why.</summary>
    public string Explain()
    {
        var asked = Dimension.InDomain(Requested) ? Dimension.Format(Requested) : "an unreadable value";
        var granted = Dimension.Format(Granted);
        var by = Rule is null || Tier is null ? string.Empty : $" by {Tier}'s {Rule.Source}" + (Rule.Condition.IsAlways ? string.Empty : $" ({Rule.Condition})");
        var why = Rule?.Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty;
        var links = Links();
        return Cause switch
        {
            AdjustmentCause.Clamped => $"{Dimension.Name}: asked {asked}, granted {granted}{by}{why}{links}",
            AdjustmentCause.Waived => $"{Dimension.Name}: granted {granted}, waiving{by.Replace(" by ", " ")}{why}{links}",
            AdjustmentCause.FailedClosed => $"{Dimension.Name}: could not use {asked}; granted the strictest allowed value {granted}",
            _ => $"{Dimension.Name}: the policy's bounds contradict each other ({Rule?.Source ?? "?"} of {Tier?.ToString() ?? "?"} leaves nothing); granted the strictest value the higher tiers allow, {granted}",
        };
    }

    private string Links()
    {
        if (Rule is null || (Rule.Enables.IsDefaultOrEmpty && Rule.Mitigates.IsDefaultOrEmpty))
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (!Rule.Mitigates.IsDefaultOrEmpty)
        {
            parts.Add("mitigates " + string.Join(", ", Rule.Mitigates.Select(r => Taxonomy.Describe(r)?.Id ?? r.ToString())));
        }

        if (!Rule.Enables.IsDefaultOrEmpty)
        {
            parts.Add("enables " + string.Join(", ", Rule.Enables.Select(b => Taxonomy.Describe(b)?.Id ?? b.ToString())));
        }

        return " [" + string.Join("; ", parts) + "]";
    }
}
