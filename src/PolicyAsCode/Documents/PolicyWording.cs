using System.Collections.Generic;

namespace PolicyAsCode.Documents;

/// <summary>
/// Plain-language wording of a policy's parts, shared by the policy card and the preferences schema: tiers,
/// conditions, facts, bounds and values as an auditor would read them, never as C#.
/// </summary>
internal static class PolicyWording
{
    /// <summary>Every fact that a condition can name, in the order they are described.</summary>
    public static readonly Fact[] Facts =
    [
        Fact.Minor, Fact.ConsentsToMemory, Fact.VerifiedAdult, Fact.RolePlay, Fact.Vulnerable, Fact.Professional,
        Fact.ConsentsToFeedbackTraining,
        Fact.Custom1, Fact.Custom2, Fact.Custom3, Fact.Custom4,
    ];

    /// <summary>A tier as a reader names it: "law of EU", "organisation contoso-learning", "user tier LearnerPreferences".</summary>
    public static string Tier(TierInfo tier) => tier.ToString();

    /// <summary>The rank in one word: law, organisation or user.</summary>
    public static string Rank(TierRank rank) => rank switch
    {
        TierRank.Immutable => "law",
        TierRank.Organisation => "organisation",
        _ => "user",
    };

    /// <summary>Who holds a rank, for "may be waived by ...".</summary>
    public static string Holders(TierRank rank) => rank switch
    {
        TierRank.Immutable => "the law",
        TierRank.Organisation => "the organisation",
        _ => "the user",
    };

    /// <summary>One fact as a sentence about the user or the session.</summary>
    public static string FactText(Fact fact) => fact switch
    {
        PolicyAsCode.Fact.Minor => "the user is a minor",
        PolicyAsCode.Fact.ConsentsToMemory => "the user consented to the assistant remembering personal data",
        PolicyAsCode.Fact.VerifiedAdult => "the user's adult age was verified",
        PolicyAsCode.Fact.RolePlay => "the user set up a role-play or fiction session",
        PolicyAsCode.Fact.Vulnerable => "the user is in a vulnerable situation",
        PolicyAsCode.Fact.Professional => "the user acts in a verified professional capacity",
        PolicyAsCode.Fact.ConsentsToFeedbackTraining => "the user consented to their feedback being used to train preference models",
        _ => "the project's fact " + fact.ToString() + " holds",
    };

    /// <summary>Several facts joined with "and", in <see cref="Facts"/> order.</summary>
    public static string AllOf(Fact facts)
    {
        var parts = new List<string>();
        foreach (var fact in Facts)
        {
            if ((facts & fact) != 0)
            {
                parts.Add(FactText(fact));
            }
        }

        return Join(parts, "and");
    }

    /// <summary>A condition in words ("when the user is a minor"), or null when it always holds.</summary>
    public static string? Condition(Condition condition)
    {
        if (condition.IsAlways)
        {
            return null;
        }

        var when = condition.When != PolicyAsCode.Fact.None ? "when " + AllOf(condition.When) : null;
        var unless = condition.Unless != PolicyAsCode.Fact.None ? "unless " + AllOf(condition.Unless) : null;
        return when is not null && unless is not null ? when + ", " + unless : when ?? unless;
    }

    /// <summary>Every fact some bound, hazard rule or waiver of the registry is conditional on.</summary>
    public static Fact ConditionFacts(PolicyRegistry registry)
    {
        var facts = PolicyAsCode.Fact.None;
        foreach (var rule in registry.Bounds)
        {
            facts |= rule.Condition.When | rule.Condition.Unless;
        }

        foreach (var rule in registry.Forbids)
        {
            facts |= rule.Condition.When | rule.Condition.Unless;
        }

        foreach (var claim in registry.Waivers)
        {
            facts |= claim.Condition.When | claim.Condition.Unless;
        }

        return facts;
    }

    /// <summary>
    /// The bounds that apply to a dimension in a context, each as "tier (bound as written, condition in words)":
    /// "law of EU (AtMost(Maturity.Teen), when the user is a minor)". Its effective bound is their meet. The schema's
    /// <c>$comment</c> and the choices' <c>boundedBy</c> word them here, once.
    /// </summary>
    public static List<string> BoundedBy(PolicyRegistry registry, DimensionInfo dimension, int jurisdiction, in PolicyContext context)
    {
        var parts = new List<string>();
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == dimension.Index && Binding.Applies(registry.Shape, registry.Shape.Bounds[rule.Index], jurisdiction, context))
            {
                var condition = Condition(rule.Condition);
                parts.Add(Tier(registry.TierOf(rule)) + " (" + rule.Source + (condition is null ? string.Empty : ", " + condition) + ")");
            }
        }

        return parts;
    }

    /// <summary>The bounds of <see cref="BoundedBy"/> in one sentence: "Bounded by A; B." or "No tier bounds this preference."</summary>
    public static string BoundedBySentence(IReadOnlyList<string> parts) =>
        parts.Count == 0 ? "No tier bounds this preference." : "Bounded by " + string.Join("; ", parts) + ".";

    /// <summary>
    /// What a context establishes, in the notation of conditions: "Minor holds; every other fact unknown",
    /// "Minor does not hold, RolePlay holds; every other fact unknown", or "nothing is known about the user".
    /// </summary>
    public static string Context(in PolicyContext context)
    {
        var said = new List<string>();
        foreach (var fact in Facts)
        {
            if ((context.Known & fact) != 0)
            {
                said.Add(fact.ToString() + ((context.Facts & fact) != 0 ? " holds" : " does not hold"));
            }
        }

        return said.Count == 0 ? "nothing is known about the user" : string.Join(", ", said) + "; every other fact unknown";
    }

    /// <summary>A value as a reader writes it: a member, a number, flags joined with commas, or "none".</summary>
    public static string Value(DimensionInfo dimension, DimensionValue value) =>
        dimension.Kind == DimensionKind.Set ? Wording.Flags(dimension.Words, value.Bits, ", ") : dimension.Format(value);

    /// <summary>What a bound allows, in words: "General or Teen", "from 0 to 14", "at most 0.8", "any of Science, History (or none)".</summary>
    public static string Allows(DimensionInfo dimension, Bound bound) => Wording.Allows(dimension.Words, bound);

    /// <summary>A number with the invariant culture and round-trip precision.</summary>
    public static string Number(double number) => Wording.Number(number);

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Join(IReadOnlyList<string> parts, string conjunction) => Wording.Join(parts, conjunction);
}
