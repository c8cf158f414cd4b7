using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// A plain model of "a lower tier's rule is overridden", built only on the interpreter's public Resolve and on its own
/// enumeration of contexts: it knows nothing of <see cref="OverrideCheck"/>, <see cref="Binding"/> or <see cref="ContextSpace"/>.
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

    /// <summary>Whether resolution skips a lower tier's bound, as a contradiction of the bounds of the ranks above it.</summary>
    public static Verdict ForBound(PolicyRegistry registry, BoundRule rule, string? jurisdiction)
    {
        var rank = registry.Tiers[rule.Tier].Rank;
        var above = registry.Bounds.Where(b => b.Dimension == rule.Dimension && registry.Tiers[b.Tier].Rank < rank).ToList();
        var without = Reduced(registry, rule.Dimension, above);
        var with = Reduced(registry, rule.Dimension, [.. above, rule]);
        var inForce = 0;
        var skipped = 0;
        foreach (var context in Contexts(registry, jurisdiction))
        {
            var tierApplies = rank != TierRank.Immutable || registry.MatchJurisdiction(context.Jurisdiction) < 0
                || string.Equals(registry.Tiers[rule.Tier].Name, context.Jurisdiction, System.StringComparison.OrdinalIgnoreCase);
            if (!tierApplies || !rule.Condition.Restricts(context) || WaivedByAnOrganisation(registry, rule, context))
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

    /// <summary>Whether a value a tier fixes is granted as written nowhere it is used, resolved against the bounds of the ranks above and its own tier's.</summary>
    public static Verdict ForValue(PolicyRegistry registry, int tier, int dimension, DimensionValue value, string? jurisdiction)
    {
        var rank = registry.Tiers[tier].Rank;
        var binding = registry.Bounds.Where(b => b.Dimension == dimension && (registry.Tiers[b.Tier].Rank < rank || b.Tier == tier)).ToList();
        var reduced = Reduced(registry, dimension, binding);
        var used = 0;
        var moved = 0;
        foreach (var context in Contexts(registry, jurisdiction))
        {
            if (!registry.TierApplies(tier, registry.MatchJurisdiction(context.Jurisdiction)))
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
