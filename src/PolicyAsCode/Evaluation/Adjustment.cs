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
    /// <summary>
    /// The adjustment in one plain sentence: what was asked, what was granted, by whose bound and why. The bound's
    /// taxonomy links are named by the shipped catalogue; a project's own benefit or risk needs its policy, see
    /// <see cref="Explain(PolicyRegistry)"/>.
    /// </summary>
    public string Explain() => Explain(null, null);

    /// <summary>
    /// The adjustment in one plain sentence, its taxonomy links named as <paramref name="registry"/>'s policy names
    /// them (<see cref="Taxonomy.Describe(Benefit, PolicyRegistry)"/>): its own benefits and risks by their declared ids.
    /// </summary>
    public string Explain(PolicyRegistry registry)
    {
        System.ArgumentNullException.ThrowIfNull(registry);
        return Explain(b => Taxonomy.Describe(b, registry), r => Taxonomy.Describe(r, registry));
    }

    private string Explain(System.Func<Benefit, TaxonomyEntry?>? benefit, System.Func<Risk, TaxonomyEntry?>? risk)
    {
        var asked = Dimension.InDomain(Requested) ? Dimension.Format(Requested) : "an unreadable value";
        var granted = Dimension.Format(Granted);
        var by = Rule is null || Tier is null ? string.Empty : $" by {Tier}'s {Rule.Source}" + (Rule.Condition.IsAlways ? string.Empty : $" ({Rule.Condition})");
        var why = Rule?.Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty;
        var links = Links(benefit ?? Taxonomy.Describe, risk ?? Taxonomy.Describe);
        return Cause switch
        {
            AdjustmentCause.Clamped => $"{Dimension.Name}: asked {asked}, granted {granted}{by}{why}{links}",
            AdjustmentCause.Waived => $"{Dimension.Name}: granted {granted}, waiving{by.Replace(" by ", " ")}{why}{links}",
            AdjustmentCause.FailedClosed => $"{Dimension.Name}: could not use {asked}; granted the strictest allowed value {granted}",
            _ => $"{Dimension.Name}: the policy's bounds contradict each other ({Rule?.Source ?? "?"} of {Tier?.ToString() ?? "?"} leaves nothing); granted the strictest value the higher tiers allow, {granted}",
        };
    }

    private string Links(System.Func<Benefit, TaxonomyEntry?> benefit, System.Func<Risk, TaxonomyEntry?> risk)
    {
        if (Rule is null || (Rule.Enables.IsDefaultOrEmpty && Rule.Mitigates.IsDefaultOrEmpty))
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (!Rule.Mitigates.IsDefaultOrEmpty)
        {
            parts.Add("mitigates " + string.Join(", ", Rule.Mitigates.Select(r => risk(r)?.Id ?? r.ToString())));
        }

        if (!Rule.Enables.IsDefaultOrEmpty)
        {
            parts.Add("enables " + string.Join(", ", Rule.Enables.Select(b => benefit(b)?.Id ?? b.ToString())));
        }

        return " [" + string.Join("; ", parts) + "]";
    }
}
