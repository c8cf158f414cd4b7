using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Which laws apply where, worked out plainly from a registry's tiers and nothing else (not from
/// <see cref="PolicyShape"/> or <see cref="Binding"/>, which it checks): a law's jurisdiction sits within the
/// jurisdictions of the laws its <c>Within</c> names, and within whatever those sit within; jurisdictions compare
/// ignoring case, so two laws of one jurisdiction are one place. A request in a jurisdiction applies its laws and
/// those of every jurisdiction it sits within; a request in a jurisdiction no law names applies every law.
/// </summary>
public sealed class LawChainModel
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;
    private readonly PolicyRegistry _registry;
    private readonly Dictionary<string, HashSet<string>> _within = new(Names);

    /// <summary>Models <paramref name="registry"/>'s laws.</summary>
    public LawChainModel(PolicyRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var parents = new Dictionary<string, HashSet<string>>(Names);
        foreach (var law in registry.Tiers.Where(t => t.Rank == TierRank.Immutable))
        {
            if (!parents.TryGetValue(law.Name, out var set))
            {
                parents[law.Name] = set = new HashSet<string>(Names);
            }

            foreach (var outer in law.Within.Select(w => registry.Tiers[w]).Where(t => t.Rank == TierRank.Immutable))
            {
                set.Add(outer.Name);
            }
        }

        foreach (var jurisdiction in parents.Keys)
        {
            var all = new HashSet<string>(Names);
            var queue = new Queue<string>(parents[jurisdiction]);
            while (queue.Count > 0)
            {
                var next = queue.Dequeue();
                if (!Names.Equals(next, jurisdiction) && all.Add(next))
                {
                    foreach (var further in parents[next])
                    {
                        queue.Enqueue(further);
                    }
                }
            }

            _within[jurisdiction] = all;
        }
    }

    /// <summary>Every jurisdiction some law names, each once.</summary>
    public IEnumerable<string> Jurisdictions => _within.Keys;

    /// <summary>Whether a request naming <paramref name="jurisdiction"/> is in a jurisdiction of the policy's laws.</summary>
    public bool IsKnown(string? jurisdiction) => jurisdiction is not null && _within.ContainsKey(jurisdiction);

    /// <summary>The jurisdictions a known jurisdiction sits within, however deep (DE-BY: DE and EU).</summary>
    public IReadOnlySet<string> Within(string jurisdiction) => _within[jurisdiction];

    /// <summary>Whether a tier's rules apply to a request naming <paramref name="jurisdiction"/>.</summary>
    public bool Applies(int tier, string? jurisdiction)
    {
        var t = _registry.Tiers[tier];
        return t.Rank != TierRank.Immutable || !IsKnown(jurisdiction) || Names.Equals(t.Name, jurisdiction) || _within[jurisdiction!].Contains(t.Name);
    }

    /// <summary>
    /// Whether tier <paramref name="higher"/>'s bounds bind tier <paramref name="lower"/>: a higher rank, or a law of
    /// a jurisdiction <paramref name="lower"/>'s law sits within.
    /// </summary>
    public bool IsAbove(int higher, int lower)
    {
        var h = _registry.Tiers[higher];
        var l = _registry.Tiers[lower];
        return h.Rank == TierRank.Immutable && l.Rank == TierRank.Immutable ? _within[l.Name].Contains(h.Name) : h.Rank < l.Rank;
    }
}
