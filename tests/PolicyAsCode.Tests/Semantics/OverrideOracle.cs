using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// A plain model of "a lower tier's rule is overridden", built only on the interpreter's public Resolve, on its own
/// enumeration of contexts and on its own reading of which laws sit within which: it knows nothing of
/// <see cref="OverrideCheck"/>, <see cref="Binding"/>, <see cref="ContextSpace"/> or <see cref="PolicyShape"/>.
/// </summary>
internal static class OverrideOracle
{
    public enum Verdict
    {
        /// <summary>In no context.</summary>
        Never,

        /// <summary>In some contexts where the rule is in force, not all.</summary>
        Sometimes,

        /// <summary>In every context where the rule is in force (and there is one).</summary>
        Always,

        /// <summary>The higher tiers contradict each other in some context, so resolution cannot show whether the rule was skipped.</summary>
        Indeterminate,
    }

    /// <summary>The jurisdictions a policy is deployed in: its laws', or null alone when it has none.</summary>
    public static string?[] Jurisdictions(PolicyRegistry registry) =>
        registry.Jurisdictions.Length == 0 ? [null] : [.. registry.Jurisdictions];

    /// <summary>Every assignment (holds, does not hold, unknown) of every fact the policy's rules mention, in one jurisdiction.</summary>
    public static IEnumerable<PolicyContext> Contexts(PolicyRegistry registry, string? jurisdiction)
    {
        var facts = new List<Fact>();
        foreach (var fact in System.Enum.GetValues<Fact>())
        {
            if (fact != Fact.None && (Mentioned(registry) & fact) != 0)
            {
                facts.Add(fact);
            }
        }

        {
            var count = 1;
            foreach (var _ in facts)
            {
                count *= 3;
            }

            for (var n = 0; n < count; n++)
            {
                var context = new PolicyContext(jurisdiction);
                var rest = n;
                foreach (var fact in facts)
                {
                    var state = rest % 3;
                    rest /= 3;
                    if (state < 2)
                    {
                        context = context.With(fact, state == 0);
                    }
                }

                if (!registry.NeverTogether.Any(set => (context.Known & context.Facts & set) == set))
                {
                    yield return context;
                }
            }
        }
    }

    /// <summary>Whether resolution skips a lower tier's bound, as a contradiction of the bounds of the tiers above it.</summary>
    public static Verdict ForBound(PolicyRegistry registry, BoundRule rule, string? jurisdiction)
    {
        var above = registry.Bounds.Where(b => b.Dimension == rule.Dimension && IsAbove(registry, b.Tier, rule.Tier)).ToList();
        var without = Reduced(registry, rule.Dimension, above);
        var with = Reduced(registry, rule.Dimension, [.. above, rule]);
        var inForce = 0;
        var skipped = 0;
        foreach (var context in Contexts(registry, jurisdiction))
        {
            if (!Applies(registry, rule.Tier, context.Jurisdiction) || !rule.Condition.Restricts(context) || WaivedByAnOrganisation(registry, rule, context))
            {
                continue;
            }

            if (Contradicts(without, context))
            {
                return Verdict.Indeterminate;
            }

            inForce++;
            if (Contradicts(with, context))
            {
                skipped++;
            }
        }

        return skipped == 0 ? Verdict.Never : skipped == inForce ? Verdict.Always : Verdict.Sometimes;
    }

    /// <summary>Whether a value a tier fixes is granted as written nowhere it is used, resolved against the bounds of the tiers above and its own tier's.</summary>
    public static Verdict ForValue(PolicyRegistry registry, int tier, int dimension, DimensionValue value, string? jurisdiction)
    {
        var binding = registry.Bounds.Where(b => b.Dimension == dimension && (IsAbove(registry, b.Tier, tier) || b.Tier == tier)).ToList();
        var reduced = Reduced(registry, dimension, binding);
        var used = 0;
        var moved = 0;
        foreach (var context in Contexts(registry, jurisdiction))
        {
            if (!Applies(registry, tier, context.Jurisdiction))
            {
                continue;
            }

            if (Contradicts(reduced, context))
            {
                return Verdict.Indeterminate;
            }

            used++;
            var resolution = new PolicyInterpreter(reduced).Resolve([value], context);
            if (resolution.Effective[0] != value)
            {
                moved++;
            }
        }

        return moved == 0 ? Verdict.Never : moved == used ? Verdict.Always : Verdict.Sometimes;
    }

    /// <summary>
    /// Whether a tier's rules apply to a request naming <paramref name="jurisdiction"/>: an organisation's and a user's
    /// always; a law's in its own jurisdiction and every jurisdiction within it, and everywhere when the request names
    /// no jurisdiction of the policy's laws.
    /// </summary>
    public static bool Applies(PolicyRegistry registry, int tier, string? jurisdiction)
    {
        var law = registry.Tiers[tier];
        if (law.Rank != TierRank.Immutable || jurisdiction is null || !registry.Tiers.Any(t => t.Rank == TierRank.Immutable && Same(t.Name, jurisdiction)))
        {
            return true;
        }

        return Same(law.Name, jurisdiction) || Enclosing(registry, jurisdiction).Contains(law.Name);
    }

    /// <summary>Whether tier <paramref name="higher"/> binds tier <paramref name="lower"/>: a higher rank, or a law of a jurisdiction the lower law's sits within.</summary>
    public static bool IsAbove(PolicyRegistry registry, int higher, int lower)
    {
        var h = registry.Tiers[higher];
        var l = registry.Tiers[lower];
        return h.Rank == TierRank.Immutable && l.Rank == TierRank.Immutable ? Enclosing(registry, l.Name).Contains(h.Name) : h.Rank < l.Rank;
    }

    /// <summary>
    /// The jurisdictions <paramref name="jurisdiction"/> sits within, however deep, read off the laws' <c>Within</c>
    /// (every law of a jurisdiction counts: two DE laws are one DE), names compared ignoring case; never itself.
    /// </summary>
    public static HashSet<string> Enclosing(PolicyRegistry registry, string jurisdiction)
    {
        var found = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        queue.Enqueue(jurisdiction);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            foreach (var law in registry.Tiers.Where(t => t.Rank == TierRank.Immutable && Same(t.Name, next)))
            {
                foreach (var outer in law.Within.Select(w => registry.Tiers[w]).Where(t => t.Rank == TierRank.Immutable))
                {
                    if (!Same(outer.Name, jurisdiction) && found.Add(outer.Name))
                    {
                        queue.Enqueue(outer.Name);
                    }
                }
            }
        }

        return found;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, System.StringComparison.OrdinalIgnoreCase);

    // Read straight off the claims: a delegated organisation claim of this bound's tier on its dimension, established here.
    private static bool WaivedByAnOrganisation(PolicyRegistry registry, BoundRule rule, in PolicyContext context)
    {
        foreach (var claim in registry.Waivers)
        {
            if (rule.WaivableBy == TierRank.Organisation && claim.IsDelegated && claim.Waived == rule.Tier && claim.Dimension == rule.Dimension
                && registry.Tiers[claim.Claimant].Rank == TierRank.Organisation
                && (context.Known & context.Facts & claim.Condition.When) == claim.Condition.When
                && (claim.Condition.Unless == Fact.None || (context.Known & ~context.Facts & claim.Condition.Unless) != 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contradicts(PolicyRegistry reduced, in PolicyContext context)
    {
        var resolution = new PolicyInterpreter(reduced).Resolve([reduced.Dimensions[0].Default], context);
        return resolution.Adjustments.Any(a => a.Cause == AdjustmentCause.Contradiction);
    }

    // The policy cut down to one dimension and the given bounds on it, with the waiver claims on it.
    private static PolicyRegistry Reduced(PolicyRegistry registry, int dimension, IReadOnlyList<BoundRule> bounds)
    {
        var ordered = bounds.OrderBy(b => b.Index).Select((b, i) => b with { Index = i, Dimension = 0 }).ToImmutableArray();
        var claims = registry.Waivers.Where(w => w.Dimension == dimension).Select((w, i) => w with { Index = i, Dimension = 0 }).ToImmutableArray();
        return new PolicyRegistry(
            registry.Name,
            registry.Tiers,
            [registry.Dimensions[dimension] with { Index = 0 }],
            ordered,
            [],
            claims,
            [],
            registry.CustomHazards,
            registry.NeverTogether);
    }

    private static Fact Mentioned(PolicyRegistry registry)
    {
        var facts = Fact.None;
        foreach (var rule in registry.Bounds)
        {
            facts |= rule.Condition.When | rule.Condition.Unless;
        }

        foreach (var claim in registry.Waivers)
        {
            facts |= claim.Condition.When | claim.Condition.Unless;
        }

        return facts;
    }
}
