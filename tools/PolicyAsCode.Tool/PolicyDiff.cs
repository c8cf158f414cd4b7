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
/// <param name="Section">What differs: <c>bound</c> (an effective bound), <c>dimension</c>, <c>hazards</c>, <c>rule</c> (a tier's bound rule) or <c>jurisdiction</c>.</param>
/// <param name="Jurisdiction">The jurisdiction, for effective bounds and hazards.</param>
/// <param name="Context">What is known of the request, for effective bounds and hazards.</param>
/// <param name="Subject">The dimension, the rule or the jurisdiction.</param>
/// <param name="Change">How it changed.</param>
/// <param name="Widens">Whether the change allows something the old version did not (it needs a review).</param>
/// <param name="Old">The old value, or empty.</param>
/// <param name="New">The new value, or empty.</param>
internal sealed record DiffEntry(string Section, string? Jurisdiction, string? Context, string Subject, Change Change, bool Widens, string Old, string New);

/// <summary>
/// Compares two versions of a policy through what they allow: per jurisdiction (of either version), per dimension
/// (matched by name) and per context, the effective bound (<see cref="PolicyInterpreter.Allowed"/>) and the hazards
/// refused; then dimensions, jurisdictions and every tier's bound rules that appeared, disappeared or changed.
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
        foreach (var jurisdiction in jurisdictions)
        {
            foreach (var (label, context) in Contexts(jurisdiction, ConditionFacts(old) | ConditionFacts(@new)))
            {
                foreach (var (o, n) in shared)
                {
                    var before = oldInterpreter.Allowed(o.Index, context);
                    var after = newInterpreter.Allowed(n.Index, context);
                    var change = Classify(o, before, n, after);
                    if (change is { } c)
                    {
                        changes.Add(new DiffEntry("bound", jurisdiction, label, o.Name, c, c != Change.Narrowed, o.Format(before), n.Format(after)));
                    }
                }

                var refusedBefore = Refused(old, context);
                var refusedAfter = Refused(@new, context);
                if (refusedBefore != refusedAfter)
                {
                    var lifted = refusedBefore & ~refusedAfter;
                    var change = lifted == Hazard.None ? Change.Narrowed : (refusedAfter & ~refusedBefore) == Hazard.None ? Change.Widened : Change.Changed;
                    var added = refusedAfter & ~refusedBefore;
                    var subject = string.Join("; ", new[] { (lifted, "no longer refused: " + HazardNames(old, lifted)), (added, "newly refused: " + HazardNames(@new, added)) }
                        .Where(p => p.Item1 != Hazard.None).Select(p => p.Item2));
                    changes.Add(new DiffEntry("hazards", jurisdiction, label, subject, change, lifted != Hazard.None, HazardNames(old, refusedBefore), HazardNames(@new, refusedAfter)));
                }
            }
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

    /// <summary>The contexts compared in a jurisdiction: nothing known; each condition fact holding alone (every other known not to hold); no fact holding.</summary>
    public static IEnumerable<(string Label, PolicyContext Context)> Contexts(string jurisdiction, Fact facts)
    {
        yield return ("nothing known", new PolicyContext(jurisdiction));
        foreach (var fact in Enum.GetValues<Fact>().Where(f => f != Fact.None && (facts & f) == f))
        {
            yield return ($"{fact} holds", new PolicyContext(jurisdiction, fact, facts));
        }

        if (facts != Fact.None)
        {
            yield return ("no fact holds", new PolicyContext(jurisdiction, Fact.None, facts));
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
        for (var bit = 0; bit < 64; bit++)
        {
            var hazard = (Hazard)(1UL << bit);
            if ((hazards & hazard) != Hazard.None)
            {
                var custom = registry.CustomHazards.FirstOrDefault(h => h.Hazard == hazard);
                names.Add(custom is not null ? custom.Code : Taxonomy.CodeOf(hazard) is { } code ? $"{hazard} ({code})" : hazard.ToString());
            }
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
        foreach (var (key, rule) in before)
        {
            if (!after.TryGetValue(key, out var other))
            {
                changes.Add(new DiffEntry("rule", null, null, key, Change.Disappeared, true, Describe(old, rule), string.Empty));
            }
            else if (rule.Source != other.Source || rule.WaivableBy != other.WaivableBy
                || old.DimensionOf(rule).Format(rule.Bound) != @new.DimensionOf(other).Format(other.Bound))
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
                changes.Add(new DiffEntry("rule", null, null, key, shown, widens, Describe(old, rule), Describe(@new, other)));
            }
        }

        foreach (var (key, rule) in after.Where(p => !before.ContainsKey(p.Key)))
        {
            changes.Add(new DiffEntry("rule", null, null, key, Change.Appeared, false, string.Empty, Describe(@new, rule)));
        }
    }

    /// <summary>The bound rules of dimensions both versions have, keyed by tier, dimension, condition and form (and a count when a tier repeats one).</summary>
    private static SortedDictionary<string, BoundRule> Rules(PolicyRegistry registry, HashSet<string> dimensions)
    {
        var rules = new SortedDictionary<string, BoundRule>(StringComparer.Ordinal);
        foreach (var rule in registry.Bounds)
        {
            var dimension = registry.DimensionOf(rule).Name;
            if (!dimensions.Contains(dimension))
            {
                continue;
            }

            var key = $"{registry.TierOf(rule)}: {dimension} {rule.Form} ({rule.Condition})";
            var unique = key;
            for (var n = 2; rules.ContainsKey(unique); n++)
            {
                unique = $"{key} #{n}";
            }

            rules.Add(unique, rule);
        }

        return rules;
    }

    private static string Describe(PolicyRegistry registry, BoundRule rule) =>
        rule.Source + " allows " + registry.DimensionOf(rule).Format(rule.Bound) + (rule.WaivableBy is { } by ? ", waivable by " + by : string.Empty);
}
