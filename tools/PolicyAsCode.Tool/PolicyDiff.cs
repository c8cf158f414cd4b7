using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Tool;

/// <summary>How something changed between two versions of a policy.</summary>
internal enum Change
{
    /// <summary>The new version allows a value the old did not, and nothing less.</summary>
    Widened,

    /// <summary>The new version allows less, and nothing new.</summary>
    Narrowed,

    /// <summary>Both: some values were added and some taken away (or the dimension's type changed).</summary>
    Changed,

    /// <summary>Only in the new version.</summary>
    Appeared,

    /// <summary>Only in the old version.</summary>
    Disappeared,
}

/// <summary>One difference between two versions of a policy.</summary>
/// <param name="Section">What differs: <c>bound</c> (an effective bound), <c>default</c>, <c>dimension</c>, <c>hazards</c>, <c>rule</c> (a tier's bound rule) or <c>jurisdiction</c>.</param>
/// <param name="Jurisdiction">The jurisdiction, for effective bounds, hazards and defaults; null there for the fail-closed one (a request naming none of the policy's).</param>
/// <param name="Context">The contexts it holds in, in words, for effective bounds, hazards and defaults.</param>
/// <param name="Subject">The dimension, the rule or the jurisdiction.</param>
/// <param name="Change">How it changed.</param>
/// <param name="Widens">Whether the change allows something the old version did not (it needs a review).</param>
/// <param name="Old">The old value, or empty.</param>
/// <param name="New">The new value, or empty.</param>
/// <param name="Contexts">How many contexts the change holds in (effective bounds, hazards, defaults), else 0.</param>
internal sealed record DiffEntry(string Section, string? Jurisdiction, string? Context, string Subject, Change Change, bool Widens, string Old, string New, int Contexts = 0)
{
    /// <summary>The jurisdiction as the text report names it: the fail-closed one (no jurisdiction of the policy named, every law applies) has no name.</summary>
    public string JurisdictionLabel => Jurisdiction ?? "(none: every law)";
}

/// <summary>
/// Compares two versions of a policy through what they allow: per jurisdiction (of either version, and the fail-closed
/// one), per dimension (matched by name) and in every context (<see cref="Space"/>), the effective bound
/// (<see cref="PolicyInterpreter.Allowed"/>), the hazards refused and the defaults; the same change in several
/// contexts is one entry (<see cref="Label"/>). Then dimensions, jurisdictions and every tier's bound rules that
/// appeared, disappeared or changed.
/// </summary>
internal static class PolicyDiff
{
    public static IReadOnlyList<DiffEntry> Compare(PolicyRegistry old, PolicyRegistry @new)
    {
        var changes = new List<DiffEntry>();
        var oldInterpreter = new PolicyInterpreter(old);
        var newInterpreter = new PolicyInterpreter(@new);
        var jurisdictions = old.Jurisdictions.Concat(@new.Jurisdictions).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var jurisdiction in jurisdictions)
        {
            var inOld = old.MatchJurisdiction(jurisdiction) >= 0;
            var inNew = @new.MatchJurisdiction(jurisdiction) >= 0;
            if (inOld != inNew)
            {
                changes.Add(new DiffEntry("jurisdiction", jurisdiction, null, jurisdiction, inNew ? Change.Appeared : Change.Disappeared, false, inOld ? "present" : string.Empty, inNew ? "present" : string.Empty));
            }
        }

        var shared = old.Dimensions.Select(d => (Old: d, New: @new.FindDimension(d.Name))).Where(p => p.New is not null).Select(p => (p.Old, New: p.New!)).ToList();
        var facts = ConditionFacts(old) | ConditionFacts(@new);

        // Every jurisdiction of either version, then the fail-closed one (a request naming none: every law applies).
        foreach (var jurisdiction in jurisdictions.Select(j => (string?)j).Append(null))
        {
            var space = Space(old, @new, jurisdiction, facts);
            foreach (var (o, n) in shared)
            {
                var groups = Group<(Change, string, string)>(space, context =>
                {
                    var before = oldInterpreter.Allowed(o.Index, context);
                    var after = newInterpreter.Allowed(n.Index, context);
                    return Classify(o, before, n, after) is { } c ? (c, o.Format(before), n.Format(after)) : null;
                });
                foreach (var ((c, before, after), contexts) in groups)
                {
                    changes.Add(new DiffEntry("bound", jurisdiction, Label(contexts, space, facts), o.Name, c, c != Change.Narrowed, before, after, contexts.Count));
                }
            }

            var refusals = Group<(Hazard Before, Hazard After)>(space, context =>
            {
                var before = Refused(old, context);
                var after = Refused(@new, context);
                return before != after ? (before, after) : null;
            });
            foreach (var ((refusedBefore, refusedAfter), contexts) in refusals)
            {
                var lifted = refusedBefore & ~refusedAfter;
                var added = refusedAfter & ~refusedBefore;
                var change = lifted == Hazard.None ? Change.Narrowed : added == Hazard.None ? Change.Widened : Change.Changed;
                var subject = string.Join("; ", new[] { (lifted, "no longer refused: " + HazardNames(old, lifted)), (added, "newly refused: " + HazardNames(@new, added)) }
                    .Where(p => p.Item1 != Hazard.None).Select(p => p.Item2));
                changes.Add(new DiffEntry("hazards", jurisdiction, Label(contexts, space, facts), subject, change, lifted != Hazard.None, HazardNames(old, refusedBefore), HazardNames(@new, refusedAfter), contexts.Count));
            }

            CompareDefaults(oldInterpreter, newInterpreter, shared, jurisdiction, space, facts, changes);
        }

        foreach (var d in @new.Dimensions.Where(d => old.FindDimension(d.Name) is null))
        {
            changes.Add(new DiffEntry("dimension", null, null, d.Name, Change.Appeared, true, string.Empty, d.TypeName));
        }

        foreach (var d in old.Dimensions.Where(d => @new.FindDimension(d.Name) is null))
        {
            changes.Add(new DiffEntry("dimension", null, null, d.Name, Change.Disappeared, false, d.TypeName, string.Empty));
        }

        foreach (var (o, n) in shared.Where(p => p.Old.TypeName != p.New.TypeName))
        {
            changes.Add(new DiffEntry("dimension", null, null, o.Name, Change.Changed, true, o.TypeName, n.TypeName));
        }

        CompareRules(old, @new, shared.Select(p => p.Old.Name).ToHashSet(StringComparer.Ordinal), changes);
        return changes;
    }

    /// <summary>
    /// The contexts compared in a jurisdiction: every state (holds, does not hold, unknown) of every fact a condition
    /// of either version names, less the combinations both versions declare impossible (one that only one version
    /// rules out can still occur under the other, so it is compared).
    /// </summary>
    public static IReadOnlyList<PolicyContext> Space(PolicyRegistry old, PolicyRegistry @new, string? jurisdiction, Fact facts) =>
        ContextSpace.Every(jurisdiction, facts, [])
            .Where(c => ContextSpace.IsPossible(c, old.NeverTogether) || ContextSpace.IsPossible(c, @new.NeverTogether))
            .ToList();

    /// <summary>The contexts of <paramref name="space"/> that <paramref name="classify"/> gives a difference in, grouped by the difference, in the order first found.</summary>
    private static List<(T Difference, List<PolicyContext> Contexts)> Group<T>(IReadOnlyList<PolicyContext> space, Func<PolicyContext, T?> classify)
        where T : struct
    {
        var groups = new List<(T Difference, List<PolicyContext> Contexts)>();
        foreach (var context in space)
        {
            if (classify(context) is not { } difference)
            {
                continue;
            }

            var index = groups.FindIndex(g => EqualityComparer<T>.Default.Equals(g.Difference, difference));
            if (index < 0)
            {
                groups.Add((difference, [context]));
            }
            else
            {
                groups[index].Contexts.Add(context);
            }
        }

        return groups;
    }

    /// <summary>
    /// A group of contexts in words, as a union of conditions each of which gives every fact one or more states
    /// ("when Minor holds or is unknown", "in every context"; "when RolePlay holds; or when Minor holds and RolePlay
    /// is unknown"). Each condition is grown from the first context not yet described, fact by fact, to the widest
    /// states whose every context (of <paramref name="space"/>) lies in the group, so a group that one condition
    /// describes reads as that condition. After <see cref="MaxConditions"/> conditions, the contexts left are counted.
    /// </summary>
    public static string Label(IReadOnlyList<PolicyContext> group, IReadOnlyList<PolicyContext> space, Fact facts)
    {
        var bits = Enum.GetValues<Fact>().Where(f => f != Fact.None && (facts & f) == f).ToList();
        var members = group.ToHashSet();
        var left = group.ToList();
        var conditions = new List<string>();
        while (left.Count > 0 && conditions.Count < MaxConditions)
        {
            var first = left[0];
            var states = bits.Select(f => State(first, f)).ToArray();
            bool Inside(int[] candidate) => space.All(c => !Matches(c, bits, candidate) || members.Contains(c));
            for (var i = 0; i < bits.Count; i++)
            {
                foreach (var wider in new[] { 7, states[i] | 1, states[i] | 2, states[i] | 4 }.Where(w => w != states[i]).Distinct())
                {
                    var candidate = (int[])states.Clone();
                    candidate[i] = wider;
                    if (Inside(candidate))
                    {
                        states = candidate;
                        break;
                    }
                }
            }

            var parts = bits.Select((f, i) => (f, i)).Where(p => states[p.i] != 7).Select(p => p.f + " " + States(states[p.i])).ToList();
            conditions.Add(parts.Count == 0 ? "in every context" : "when " + string.Join(" and ", parts));
            left.RemoveAll(c => Matches(c, bits, states));
        }

        return string.Join("; or ", conditions) + (left.Count == 0 ? string.Empty : $" (and {left.Count} more context{(left.Count == 1 ? string.Empty : "s")})");
    }

    /// <summary>The most conditions a group of contexts is described by before the rest are only counted.</summary>
    public const int MaxConditions = 3;

    private static bool Matches(in PolicyContext context, List<Fact> bits, int[] states)
    {
        for (var i = 0; i < bits.Count; i++)
        {
            if ((states[i] & State(context, bits[i])) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // A fact's state in a context as a bit: 1 holds, 2 does not hold, 4 unknown.
    private static int State(in PolicyContext context, Fact fact) =>
        (context.Known & fact) == 0 ? 4 : (context.Facts & fact) != 0 ? 1 : 2;

    private static string States(int states) => states switch
    {
        1 => "holds",
        2 => "does not hold",
        4 => "is unknown",
        3 => "is known",
        5 => "holds or is unknown",
        _ => "does not hold or is unknown",
    };

    /// <summary>
    /// The defaults a user starts from (<see cref="PolicyInterpreter.Defaults"/>) in a jurisdiction: a changed one is a
    /// change; a widening when, in some context, the new default lies outside what the old version allowed there.
    /// </summary>
    private static void CompareDefaults(
        PolicyInterpreter old, PolicyInterpreter @new, List<(DimensionInfo Old, DimensionInfo New)> shared, string? jurisdiction,
        IReadOnlyList<PolicyContext> space, Fact facts, List<DiffEntry> changes)
    {
        var context = new PolicyContext(jurisdiction);
        var before = old.Defaults(context);
        var after = @new.Defaults(context);
        foreach (var (o, n) in shared)
        {
            var oldText = o.Format(before[o.Index]);
            var newText = n.Format(after[n.Index]);
            if (oldText == newText && o.Kind == n.Kind)
            {
                continue;
            }

            var value = after[n.Index];
            var outside = o.Kind != n.Kind
                ? []
                : space.Where(c => !Within(n, Lattice.Build(n.Domain, BoundForm.Locked, value, value), o, old.Allowed(o.Index, c))).ToList();
            changes.Add(outside.Count > 0
                ? new DiffEntry("default", jurisdiction, Label(outside, space, facts), o.Name, Change.Widened, true, oldText, newText, outside.Count)
                : new DiffEntry("default", jurisdiction, "in every context", o.Name, Change.Changed, false, oldText, newText, space.Count));
        }
    }

    private static Fact ConditionFacts(PolicyRegistry registry)
    {
        var facts = Fact.None;
        foreach (var condition in registry.Bounds.Select(b => b.Condition).Concat(registry.Forbids.Select(f => f.Condition)).Concat(registry.Waivers.Select(w => w.Condition)))
        {
            facts |= condition.When | condition.Unless;
        }

        return facts;
    }

    private static Hazard Refused(PolicyRegistry registry, in PolicyContext context)
    {
        var jurisdiction = registry.MatchJurisdiction(context.Jurisdiction);
        var refused = Hazard.None;
        foreach (var rule in registry.Forbids)
        {
            if (rule.Dimension is null && registry.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(context))
            {
                refused |= rule.Hazards;
            }
        }

        return refused;
    }

    /// <summary>Hazards by name and code (or a custom hazard's code), or "none".</summary>
    public static string HazardNames(PolicyRegistry registry, Hazard hazards)
    {
        if (hazards == Hazard.None)
        {
            return "none";
        }

        var names = new List<string>();
        foreach (var hazard in PolicyAsCode.HazardNames.Bits(hazards))
        {
            names.Add(PolicyAsCode.HazardNames.Name(hazard, registry.CustomHazards) is not { } name ? hazard.ToString() : name.IsShipped ? $"{hazard} ({name.Code})" : name.Code);
        }

        return string.Join(", ", names);
    }

    /// <summary>How <paramref name="after"/> (on <paramref name="n"/>) differs from <paramref name="before"/> (on <paramref name="o"/>), or null when they allow the same values.</summary>
    public static Change? Classify(DimensionInfo o, Bound before, DimensionInfo n, Bound after)
    {
        if (o.Kind != n.Kind)
        {
            return Change.Changed;
        }

        var widened = !Within(n, after, o, before);
        var narrowed = !Within(o, before, n, after);
        return (widened, narrowed) switch
        {
            (true, true) => Change.Changed,
            (true, false) => Change.Widened,
            (false, true) => Change.Narrowed,
            _ => null,
        };
    }

    /// <summary>Whether every value <paramref name="inner"/> allows is allowed by <paramref name="outer"/>; members are compared by name, so the two may come from different versions of a type.</summary>
    private static bool Within(DimensionInfo innerDimension, Bound inner, DimensionInfo outerDimension, Bound outer)
    {
        if (IsEmpty(inner))
        {
            return true;
        }

        if (IsEmpty(outer))
        {
            return false;
        }

        switch (inner.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                return inner.Lo >= outer.Lo && inner.Hi <= outer.Hi;
            case DimensionKind.Set:
                return Flags(innerDimension, inner.Ceiling).IsSubsetOf(Flags(outerDimension, outer.Ceiling))
                    && Flags(outerDimension, outer.Floor).IsSubsetOf(Flags(innerDimension, inner.Floor));
            default:
                return Positions(innerDimension, inner).IsSubsetOf(Positions(outerDimension, outer));
        }
    }

    private static bool IsEmpty(Bound b) => b.Kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => !(b.Lo <= b.Hi),
        DimensionKind.Set => (b.Floor & ~b.Ceiling) != 0,
        _ => b.Ceiling == 0,
    };

    private static HashSet<string> Positions(DimensionInfo dimension, Bound bound)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < 64; p++)
        {
            if (((bound.Ceiling >> p) & 1UL) != 0)
            {
                names.Add(p < dimension.Members.Length ? dimension.Members[p] : "#" + p);
            }
        }

        return names;
    }

    private static HashSet<string> Flags(DimensionInfo dimension, ulong mask)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var rest = mask;
        for (var i = 0; i < dimension.Members.Length; i++)
        {
            var flag = (ulong)dimension.MemberValues[i];
            if (flag != 0 && (mask & flag) == flag)
            {
                names.Add(dimension.Members[i]);
                rest &= ~flag;
            }
        }

        for (var bit = 0; bit < 64; bit++)
        {
            if (((rest >> bit) & 1UL) != 0)
            {
                names.Add("bit " + bit);
            }
        }

        return names;
    }

    private static void CompareRules(PolicyRegistry old, PolicyRegistry @new, HashSet<string> shared, List<DiffEntry> changes)
    {
        var before = Rules(old, shared);
        var after = Rules(@new, shared);

        // Shown with the tier's chain as the version that has the rule names it (the new one, when both do).
        string Shown(string key) => after.TryGetValue(key, out var inNew) ? inNew.Shown : before[key].Shown;
        foreach (var (key, (rule, _)) in before)
        {
            if (!after.TryGetValue(key, out var found))
            {
                changes.Add(new DiffEntry("rule", null, null, Shown(key), Change.Disappeared, true, Describe(old, rule), string.Empty));
            }
            else if (found.Rule is var other && (rule.Source != other.Source || rule.WaivableBy != other.WaivableBy
                || old.DimensionOf(rule).Format(rule.Bound) != @new.DimensionOf(other).Format(other.Bound)))
            {
                // A bound that a lower tier may now waive (or waive by another rank) loosens, whatever its values.
                var waivable = other.WaivableBy is not null && other.WaivableBy != rule.WaivableBy;
                var change = Classify(old.DimensionOf(rule), rule.Bound, @new.DimensionOf(other), other.Bound);
                var widens = waivable || change is Change.Widened or Change.Changed;
                var shown = change switch
                {
                    null when waivable => Change.Widened,
                    null => Change.Changed,
                    Change.Narrowed when waivable => Change.Changed,
                    _ => change.Value,
                };
                changes.Add(new DiffEntry("rule", null, null, Shown(key), shown, widens, Describe(old, rule), Describe(@new, other)));
            }
        }

        foreach (var (_, (rule, shownKey)) in after.Where(p => !before.ContainsKey(p.Key)))
        {
            changes.Add(new DiffEntry("rule", null, null, shownKey, Change.Appeared, false, string.Empty, Describe(@new, rule)));
        }
    }

    /// <summary>
    /// The bound rules of dimensions both versions have, keyed by tier, dimension, condition and form (and a count when
    /// a tier repeats one). A law is keyed by its own jurisdiction alone, so that a rule of DE law is the same rule
    /// whether DE sits within the EU or not (a change of nesting shows in the effective bounds); <c>Shown</c> is the key
    /// with the law's chain, "law of DE within EU: ...".
    /// </summary>
    private static SortedDictionary<string, (BoundRule Rule, string Shown)> Rules(PolicyRegistry registry, HashSet<string> dimensions)
    {
        var rules = new SortedDictionary<string, (BoundRule Rule, string Shown)>(StringComparer.Ordinal);
        foreach (var rule in registry.Bounds)
        {
            var dimension = registry.DimensionOf(rule).Name;
            if (!dimensions.Contains(dimension))
            {
                continue;
            }

            var tier = registry.TierOf(rule);
            var what = $": {dimension} {rule.Form} ({rule.Condition})";
            var key = Wording.Tier(tier.Rank, tier.Name) + what;
            var unique = key;
            var suffix = string.Empty;
            for (var n = 2; rules.ContainsKey(unique); n++)
            {
                suffix = $" #{n}";
                unique = key + suffix;
            }

            rules.Add(unique, (rule, tier + what + suffix));
        }

        return rules;
    }

    private static string Describe(PolicyRegistry registry, BoundRule rule) =>
        rule.Source + " allows " + registry.DimensionOf(rule).Format(rule.Bound) + (rule.WaivableBy is { } by ? ", waivable by " + by : string.Empty);
}
