using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>Which features the random policies of a run had, read from their registries, so a run shows what it tested.</summary>
public sealed class PolicyFeatures
{
    private readonly Dictionary<string, int> _counts = [];

    /// <summary>Counts the features of one policy.</summary>
    public void Count(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var kind in registry.Dimensions.Select(d => d.IsHazardSet ? "hazard list" : d.Kind.ToString()).Distinct())
        {
            Add("dimension " + kind);
        }

        Add(registry.Dimensions.Length == 0, "no dimension");
        Add(registry.Tiers.Any(t => t.Rank == TierRank.Organisation), "organisation tier");
        Add(!registry.Tiers.Any(t => t.Rank == TierRank.Organisation), "no organisation tier");
        Add(registry.Tiers.Count(t => t.Rank == TierRank.Immutable) > 1, "several laws");
        Add(registry.Tiers.Count(t => t.Rank == TierRank.Immutable) > registry.Jurisdictions.Length, "laws sharing a jurisdiction");
        Add(registry.Bounds.Any(b => !b.Condition.IsAlways), "conditional bound");
        Add(registry.Bounds.Any(b => b.Tier == registry.UserTier.Index), "user-tier bound");
        Add(registry.Waivers.Any(w => w.IsDelegated && registry.Tiers[w.Claimant].Rank == TierRank.User), "user waiver");
        Add(registry.Waivers.Any(w => w.IsDelegated && registry.Tiers[w.Claimant].Rank == TierRank.Organisation), "organisation waiver");
        Add(registry.Waivers.Any(w => !w.IsDelegated), "undelegated waiver claim");
        Add(registry.Defaults.Length > 0, "tier default");
        Add(registry.Dimensions.Any(d => !d.HasInitialiser), "dimension without initialiser");
        Add(registry.Forbids.Any(f => f.Dimension is null && !f.Condition.IsAlways), "conditional hazard rule");
        Add(registry.Forbids.Any(f => f.Dimension is not null), "user's own hazard rule");
        Add(registry.CustomHazards.Length > 0, "custom hazard category");
        Add(registry.Dimensions.Any(d => d.HigherIsStricter && !d.IsHazardSet), "higher is stricter");
        CountLaws(registry);
    }

    // How laws sit within laws, read from the tiers' Within lists.
    private void CountLaws(PolicyRegistry registry)
    {
        var laws = registry.Tiers.Where(t => t.Rank == TierRank.Immutable).ToList();
        bool IsLaw(int tier) => registry.Tiers[tier].Rank == TierRank.Immutable;
        int Depth(TierInfo law, int guard) =>
            guard == 0 ? 0 : law.Within.Where(IsLaw).Select(w => 1 + Depth(registry.Tiers[w], guard - 1)).DefaultIfEmpty(0).Max();

        Add(laws.Any(l => l.Within.Any(IsLaw)), "law within a law");
        Add(laws.Any(l => Depth(l, laws.Count) >= 2), "law within a law within a law");
        Add(laws.Any(outer => laws.Where(l => l.Within.Contains(outer.Index)).Select(l => l.Name.ToUpperInvariant()).Distinct().Count() >= 2), "two laws within one");
        Add(laws.Any(l => l.Within.Count(IsLaw) >= 2), "law within two laws");
        Add(laws.Where(l => !l.Within.Any(IsLaw)).Select(l => l.Name.ToUpperInvariant()).Distinct().Count() >= 2 && laws.Any(l => l.Within.Any(IsLaw)), "unrelated laws with one within another");
        var organisations = registry.Tiers.Where(t => t.Rank == TierRank.Organisation).ToList();
        Add(organisations.Any(o => o.Within.Any(w => IsLaw(w) && registry.Tiers[w].Within.Any(IsLaw))), "organisation under a law within a law");
        Add(organisations.Any(o => o.Within.Any(w => IsLaw(w) && laws.Any(l => l.Within.Contains(w)))), "organisation under a law with laws within it");
    }

    /// <summary>How many policies had a feature.</summary>
    public int this[string feature] => _counts.GetValueOrDefault(feature);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)));

    private void Add(bool condition, string feature)
    {
        if (condition)
        {
            Add(feature);
        }
    }

    private void Add(string feature) => _counts[feature] = this[feature] + 1;
}
