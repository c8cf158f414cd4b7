using System;
using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>Taxonomy entries as the card names them, taken from <see cref="Taxonomy"/> and the policy's own hazards.</summary>
internal static class CardLinks
{
    public static ImmutableArray<CardLink> Of(ImmutableArray<Benefit> benefits) => Of(benefits, Taxonomy.Describe, "benefit.");

    public static ImmutableArray<CardLink> Of(ImmutableArray<Risk> risks) => Of(risks, Taxonomy.Describe, "risk.");

    /// <summary>Each hazard of <paramref name="hazards"/> the policy can name, by bit; unnamed bits are left out.</summary>
    public static ImmutableArray<CardLink> Of(PolicyRegistry registry, Hazard hazards)
    {
        var links = ImmutableArray.CreateBuilder<CardLink>();
        foreach (var name in HazardNames.Of(hazards, registry.CustomHazards))
        {
            links.Add(new CardLink(name.Id, name.Title, name.Description));
        }

        return links.ToImmutable();
    }

    private static ImmutableArray<CardLink> Of<T>(ImmutableArray<T> items, Func<T, TaxonomyEntry?> describe, string prefix)
        where T : struct, Enum
    {
        var links = ImmutableArray.CreateBuilder<CardLink>();
        foreach (var item in items.IsDefault ? [] : items)
        {
            links.Add(describe(item) is { } entry
                ? new CardLink(entry.Id, entry.Title, entry.Description)
                : new CardLink(prefix + item.ToString(), item.ToString(), string.Empty));
        }

        return links.ToImmutable();
    }
}
