namespace PolicyAsCode;

/// <summary>
/// The decision on one piece of content: the verdict, the hazards that caused a refusal and the rule and tier that refused it.
/// A value type holding only references into the static registry, so deciding allocates nothing.
/// </summary>
public readonly struct Decision
{
    private Decision(Verdict verdict, DecisionCause cause, Hazard hazards, ForbidRule? rule, TierInfo? tier)
    {
        Verdict = verdict;
        Cause = cause;
        Hazards = hazards;
        Rule = rule;
        Tier = tier;
    }

    /// <summary>Allow or refuse.</summary>
    public Verdict Verdict { get; }

    /// <summary>Why.</summary>
    public DecisionCause Cause { get; }

    /// <summary>The detected hazards that caused the refusal.</summary>
    public Hazard Hazards { get; }

    /// <summary>The rule that refused, or null.</summary>
    public ForbidRule? Rule { get; }

    /// <summary>The tier whose rule refused, or null.</summary>
    public TierInfo? Tier { get; }

    /// <summary>Whether the content is allowed.</summary>
    public bool IsAllowed => Verdict == Verdict.Allow;

    /// <summary>The decision to allow.</summary>
    public static Decision Allow => new(Verdict.Allow, DecisionCause.Allowed, Hazard.None, null, null);

    /// <summary>Refuse because <paramref name="rule"/> of <paramref name="tier"/> forbids <paramref name="hazards"/>.</summary>
    public static Decision Refuse(ForbidRule rule, TierInfo tier, Hazard hazards) => new(Verdict.Refuse, DecisionCause.Forbidden, hazards, rule, tier);

    /// <summary>Refuse because <paramref name="hazards"/> are not categories this policy knows.</summary>
    public static Decision RefuseUnknown(Hazard hazards) => new(Verdict.Refuse, DecisionCause.UnknownHazard, hazards, null, null);

    /// <summary>Refuse because there is no resolution to decide against.</summary>
    public static Decision RefuseUnresolved(Hazard hazards) => new(Verdict.Refuse, DecisionCause.Unresolved, hazards, null, null);

    /// <summary>The decision in one plain sentence, with the hazard codes and the risks the refusing rule mitigates.</summary>
    public string Explain() => Explain(null);

    /// <summary>
    /// The decision in one plain sentence, naming hazards and risks as <paramref name="registry"/>'s policy declares them:
    /// its own hazard categories by code and its own risks by id.
    /// </summary>
    public string Explain(PolicyRegistry? registry) => Cause switch
    {
        DecisionCause.Allowed => "allowed",
        DecisionCause.Forbidden when Rule?.Dimension is not null => $"refused: you asked to avoid {Hazards}{Links(registry)}",
        DecisionCause.Forbidden => $"refused: {Tier} forbids {Hazards}" + (Rule?.Reason is { Length: > 0 } r ? $" ({r})" : string.Empty) + Links(registry),
        DecisionCause.UnknownHazard => $"refused: unknown hazard category 0x{(ulong)Hazards:X} (fail closed)",
        DecisionCause.Unresolved => "refused: no resolution to decide against (fail closed)",
        _ => "refused: undecided (fail closed)",
    };

    /// <inheritdoc/>
    public override string ToString() => Explain();

    private string Links(PolicyRegistry? registry)
    {
        var links = new System.Collections.Generic.List<string>();
        foreach (var name in HazardNames.Of(Hazards, registry?.CustomHazards ?? default))
        {
            links.Add(name.Id);
        }

        if (Rule is { Mitigates.IsDefaultOrEmpty: false } rule)
        {
            foreach (var risk in rule.Mitigates)
            {
                var entry = registry is null ? Taxonomy.Describe(risk) : Taxonomy.Describe(risk, registry);
                links.Add("mitigates " + (entry?.Id ?? risk.ToString()));
            }
        }

        return links.Count == 0 ? string.Empty : " [" + string.Join("; ", links) + "]";
    }
}
