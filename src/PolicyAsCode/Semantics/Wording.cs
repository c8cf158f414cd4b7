using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PolicyAsCode;

/// <summary>
/// How a policy's parts are put in words, in one place for build time and run time: values, bounds (as notation and
/// as plain sentences), sets of flags, facts, conditions and tiers. Analyser messages, explanations, policy cards,
/// schemas and <c>pac</c> all word a policy through it, so a bound reads the same wherever it is shown.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class Wording
{
    /// <summary>A value as a reader of the policy writes it: a member name, flags joined with <c> | </c> (or <c>none</c>), a number.</summary>
    public static string Value(in DimensionWords dimension, DimensionValue value)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                return Number(value.Number);
            case DimensionKind.Set:
                if (value.Bits == 0)
                {
                    return "none";
                }

                var names = FlagNames(dimension, value.Bits, out var named);
                if (named != value.Bits)
                {
                    names.Add("0x" + (value.Bits & ~named).ToString("X", CultureInfo.InvariantCulture));
                }

                return string.Join(" | ", names);
            default:
                return value.Position < dimension.Members.Length ? dimension.Members[value.Position] : "#" + value.Position.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The canonical names of a set value: in declaration order, each member wholly within <paramref name="mask"/> that
    /// adds a flag not yet named. <paramref name="named"/> is their union, short of the mask when no union of members
    /// makes it. The preferences writer writes these names, and every rendering of a set for people uses them.
    /// </summary>
    public static List<string> FlagNames(in DimensionWords dimension, ulong mask, out ulong named)
    {
        var names = new List<string>();
        named = 0UL;
        for (var i = 0; i < dimension.Members.Length; i++)
        {
            var flag = unchecked((ulong)dimension.MemberValues[i]);
            if (flag != 0 && (mask & flag) == flag && (flag & ~named) != 0)
            {
                names.Add(dimension.Members[i]);
                named |= flag;
            }
        }

        return names;
    }

    /// <summary>A bound in notation: <c>{General, Teen}</c>, <c>0 to 30</c>, <c>… to 0.8</c>, <c>at least {Science}, at most {Science | History}</c>, <c>nothing</c>.</summary>
    public static string Bound(in DimensionWords dimension, Bound bound)
    {
        if (Lattice.IsEmpty(bound))
        {
            return "nothing";
        }

        switch (dimension.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                var lo = bound.Lo <= dimension.Domain.Lo ? "…" : Value(dimension, DimensionValue.OfNumber(bound.Lo));
                var hi = bound.Hi >= dimension.Domain.Hi ? "…" : Value(dimension, DimensionValue.OfNumber(bound.Hi));
                return bound.Lo == bound.Hi ? lo : lo + " to " + hi;
            case DimensionKind.Set:
                return "at least {" + Value(dimension, DimensionValue.OfMask(bound.Floor)) + "}, at most {" + Value(dimension, DimensionValue.OfMask(bound.Ceiling)) + "}";
            default:
                return "{" + string.Join(", ", Members(dimension, bound)) + "}";
        }
    }

    /// <summary>What a bound allows, as a sentence part: "General or Teen", "from 0 to 14", "at most 0.8", "any of Science, History (or none)".</summary>
    public static string Allows(in DimensionWords dimension, Bound bound)
    {
        if (Lattice.IsEmpty(bound))
        {
            return "nothing";
        }

        switch (dimension.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                var lo = Number(bound.Lo);
                var hi = Number(bound.Hi);
                var open = bound.Lo <= dimension.Domain.Lo;
                var unbounded = bound.Hi >= dimension.Domain.Hi;
                return (open, unbounded) switch
                {
                    (true, true) => "any number",
                    (true, false) => "at most " + hi,
                    (false, true) => "at least " + lo,
                    _ => bound.Lo == bound.Hi ? "exactly " + lo : "from " + lo + " to " + hi,
                };
            case DimensionKind.Set:
                var optional = bound.Ceiling & ~bound.Floor;
                if (bound.Floor == 0)
                {
                    return optional == 0 ? "none" : "any of " + Flags(dimension, optional, ", ") + " (or none)";
                }

                var required = "always " + Flags(dimension, bound.Floor, " and ");
                return optional == 0 ? required + ", nothing else" : required + ", plus any of " + Flags(dimension, optional, ", ");
            default:
                var members = Members(dimension, bound);
                return members.Count == 1 ? "only " + members[0] : Join(members, "or");
        }
    }

    /// <summary>A number with the invariant culture and round-trip precision.</summary>
    public static string Number(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Join(IReadOnlyList<string> parts, string conjunction)
    {
        if (parts.Count <= 1)
        {
            return parts.Count == 0 ? string.Empty : parts[0];
        }

        var head = new List<string>(parts.Count - 1);
        for (var i = 0; i < parts.Count - 1; i++)
        {
            head.Add(parts[i]);
        }

        return string.Join(", ", head) + " " + conjunction + " " + parts[parts.Count - 1];
    }

    /// <summary>Facts by name, lowest bit first, joined with "and": <c>Minor and RolePlay</c>.</summary>
    public static string Facts(Fact facts)
    {
        var names = new List<string>();
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if (((uint)facts & bit) != 0)
            {
                names.Add(((Fact)bit).ToString());
            }
        }

        return string.Join(" and ", names);
    }

    /// <summary>A condition in notation: <c>when Minor and RolePlay, unless VerifiedAdult</c>, or <c>always</c>.</summary>
    public static string Condition(Condition condition)
    {
        if (condition.IsAlways)
        {
            return "always";
        }

        var when = condition.When != Fact.None ? "when " + Facts(condition.When) : null;
        var unless = condition.Unless != Fact.None ? "unless " + Facts(condition.Unless) : null;
        return when is not null && unless is not null ? when + ", " + unless : when ?? unless!;
    }

    /// <summary>A tier as a reader names it: "law of EU", "organisation contoso-learning", "user tier LearnerPreferences".</summary>
    public static string Tier(TierRank rank, string name) => Tier(rank, name, default);

    /// <summary>
    /// A tier as a reader names it, a law with the jurisdictions it sits within (nearest first): "law of DE within EU",
    /// "law of DE-BY within DE within EU".
    /// </summary>
    public static string Tier(TierRank rank, string name, ImmutableArray<string> enclosing) => rank switch
    {
        TierRank.Immutable => enclosing.IsDefaultOrEmpty ? "law of " + name : "law of " + name + " " + Within(enclosing),
        TierRank.Organisation => "organisation " + name,
        _ => "user tier " + name,
    };

    /// <summary>A tier of a shape as a reader names it, a law with the chain of jurisdictions it sits within.</summary>
    public static string Tier(PolicyShape shape, int tier) =>
        Tier(shape.Tiers[tier].Rank, shape.Tiers[tier].Name, shape.EnclosingNames(shape.JurisdictionOf(tier)));

    /// <summary>A jurisdiction with the ones it sits within: "DE within EU"; "every law" for -1.</summary>
    public static string Jurisdiction(PolicyShape shape, int jurisdiction) =>
        jurisdiction < 0 ? "every law"
        : shape.Enclosing(jurisdiction).IsEmpty ? shape.Jurisdictions[jurisdiction]
        : shape.Jurisdictions[jurisdiction] + " " + Within(shape.EnclosingNames(jurisdiction));

    /// <summary>The jurisdictions a law sits within, nearest first: "within DE within EU".</summary>
    public static string Within(ImmutableArray<string> enclosing)
    {
        var text = new StringBuilder();
        foreach (var outer in enclosing.IsDefault ? [] : enclosing)
        {
            text.Append(text.Length == 0 ? "within " : " within ").Append(outer);
        }

        return text.ToString();
    }

    /// <summary>
    /// A tier as its author finds it in source: "the EU law tier EuLaw", "organisation acme", "user tier Prefs"
    /// (<paramref name="typeName"/> without its namespace).
    /// </summary>
    public static string TierInSource(TierRank rank, string name, string typeName) => TierInSource(rank, name, typeName, default);

    /// <summary>A tier as its author finds it in source, a law with the jurisdictions it sits within: "the DE law tier DeLaw (within EU)".</summary>
    public static string TierInSource(TierRank rank, string name, string typeName, ImmutableArray<string> enclosing) => rank switch
    {
        TierRank.Immutable => $"the {name} law tier {typeName}" + (enclosing.IsDefaultOrEmpty ? string.Empty : " (" + Within(enclosing) + ")"),
        TierRank.Organisation => "organisation " + name,
        _ => "user tier " + typeName,
    };

    /// <summary>The rank in one word: immutable, organisation or user.</summary>
    public static string Rank(TierRank rank) => rank switch
    {
        TierRank.Immutable => "immutable",
        TierRank.Organisation => "organisation",
        TierRank.User => "user",
        _ => "unknown",
    };

    /// <summary>The canonical names of a mask joined with <paramref name="separator"/>, or <c>none</c>.</summary>
    public static string Flags(in DimensionWords dimension, ulong mask, string separator)
    {
        var names = FlagNames(dimension, mask, out _);
        return names.Count == 0 ? "none" : string.Join(separator, names);
    }

    private static List<string> Members(in DimensionWords dimension, Bound bound)
    {
        var listed = new List<string>();
        for (var p = 0; p < dimension.Members.Length; p++)
        {
            if (Lattice.Contains(bound, DimensionValue.OfPosition(p)))
            {
                listed.Add(dimension.Members[p]);
            }
        }

        return listed;
    }
}
