using System.Collections.Immutable;
using System.Linq;
using CsCheck;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// Puts the laws of a random registry within each other (issue 14), as the generator would lay them out: each law
/// after the first sits within none, within one law before it or, rarely, within every law before it, so laws nest up
/// to three deep (UK within US within EU), two sit within one, or laws stand side by side; sometimes a law shares the
/// jurisdiction of the law just before it (in another case) and sits within the same laws. Laws come before the laws
/// within them, as canonical order requires; nothing else of the registry changes.
/// </summary>
internal static class NestedLaws
{
    /// <summary>What each law after the first does: 0–2 within none, 3–7 within one before it, 8 within all before it, 9 shares the one before.</summary>
    private static readonly Gen<int> Choice = Gen.Int[0, 9];

    /// <summary>Random registries, three in four with their laws nested where they have more than one.</summary>
    public static Gen<PolicyRegistry> Of(Gen<PolicyRegistry> registries) =>
        from registry in registries
        from nests in Gen.Frequency((1, false), (3, true))
        from choices in Choice.Array[3]
        from picks in Gen.Int[0, 1].Array[3]
        select nests ? Nest(registry, choices, picks) : registry;

    private static PolicyRegistry Nest(PolicyRegistry registry, int[] choices, int[] picks)
    {
        var laws = registry.Tiers.Count(t => t.Rank == TierRank.Immutable);
        var tiers = registry.Tiers.ToBuilder();
        for (var law = 1; law < laws; law++)
        {
            var choice = choices[law];
            var before = tiers[law - 1];
            tiers[law] = choice switch
            {
                <= 2 => tiers[law],
                <= 7 => tiers[law] with { Within = [picks[law] % law] },
                8 => tiers[law] with { Within = [.. Enumerable.Range(0, law)] },
                _ => tiers[law] with { Name = before.Name.ToLowerInvariant(), Within = before.Within },
            };
        }

        return new PolicyRegistry(registry.Name, tiers.ToImmutable(), registry.Dimensions, registry.Bounds, registry.Forbids, registry.Waivers,
            registry.Defaults, registry.CustomHazards, registry.NeverTogether);
    }
}
