using System;
using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>Taxonomy entries as the card names them, taken from <see cref="Taxonomy"/> and the policy's own benefits, risks and hazards.</summary>
internal static class CardLinks
{
    /// <summary>Each benefit, named by the catalogue or the policy's <c>[BenefitCategory]</c>.</summary>
    public static ImmutableArray<CardLink> Of(PolicyRegistry registry, ImmutableArray<Benefit> benefits) => Of(benefits, b => Taxonomy.Describe(b, registry), "benefit.");

    /// <summary>Each risk, named by the catalogue or the policy's <c>[RiskCategory]</c>.</summary>
    public static ImmutableArray<CardLink> Of(PolicyRegistry registry, ImmutableArray<Risk> risks) => Of(risks, r => Taxonomy.Describe(r, registry), "risk.");

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

    // A number neither the catalogue nor the policy names (only a registry built by hand has one; the generator
    // refuses it, PAC0015) keeps its number in the id rather than vanishing from the card.
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
