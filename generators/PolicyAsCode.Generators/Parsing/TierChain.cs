using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>A tier record as declared: its attribute, rank, name and the tiers it sits within.</summary>
internal sealed class DeclaredTier
{
    public DeclaredTier(INamedTypeSymbol type, AttributeData attribute, int rank, string name, IReadOnlyList<TypedConstant> within)
    {
        Type = type;
        Attribute = attribute;
        Rank = rank;
        Name = name;
        Within = within;
    }

    public INamedTypeSymbol Type { get; }

    public AttributeData Attribute { get; }

    public int Rank { get; }

    public string Name { get; }

    public IReadOnlyList<TypedConstant> Within { get; }

    public int Index { get; set; }

    public List<int> WithinIndexes { get; } = [];

    /// <summary>Reads the tier attribute of a type, or null when it carries none.</summary>
    public static DeclaredTier? Read(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (!KnownNames.Is(attributeClass?.ContainingNamespace, "PolicyAsCode"))
            {
                continue;
            }

            var name = KnownNames.Is(attributeClass, KnownNames.ImmutableTierAttribute) ? KnownNames.ImmutableTierAttribute
                : KnownNames.Is(attributeClass, KnownNames.OrganisationTierAttribute) ? KnownNames.OrganisationTierAttribute
                : KnownNames.Is(attributeClass, KnownNames.UserTierAttribute) ? KnownNames.UserTierAttribute
                : null;
            var within = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Within).Value;
            var withinList = within.Kind == TypedConstantKind.Array && !within.IsNull ? (IReadOnlyList<TypedConstant>)within.Values : [];
            switch (name)
            {
                case KnownNames.ImmutableTierAttribute:
                    return new DeclaredTier(type, attribute, Ranks.Immutable, FirstString(attribute) ?? string.Empty, withinList);
                case KnownNames.OrganisationTierAttribute:
                    return new DeclaredTier(type, attribute, Ranks.Organisation, FirstString(attribute) ?? string.Empty, withinList);
                case KnownNames.UserTierAttribute:
                    return new DeclaredTier(type, attribute, Ranks.User, type.Name, withinList);
            }
        }

        return null;
    }

    public SourceLocation? Location => SourceLocation.From(Attribute.ApplicationSyntaxReference);

    private static string? FirstString(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
}

/// <summary>Discovers a user tier's chain of higher tiers, checking the hierarchy (PAC0003) as it goes.</summary>
internal static class TierChain
{
    public static List<DeclaredTier> Discover(DeclaredTier userTier, List<PolicyProblem> problems)
    {
        var found = new Dictionary<INamedTypeSymbol, DeclaredTier>(SymbolEqualityComparer.Default) { [userTier.Type] = userTier };
        var discovery = new List<DeclaredTier> { userTier };
        var queue = new Queue<DeclaredTier>();
        queue.Enqueue(userTier);
        var edges = new List<(DeclaredTier From, DeclaredTier To)>();

        while (queue.Count > 0)
        {
            var tier = queue.Dequeue();
            foreach (var target in tier.Within)
            {
                if (target.Value is not INamedTypeSymbol targetType || targetType.TypeKind == TypeKind.Error)
                {
                    problems.Add(Problems.WithinMissingType(tier.Type.Name, tier.Location));
                    continue;
                }

                // A generic tier (typeof(EuLaw<>)), or one nested in a generic type, has no single set of properties to
                // read: its bounds would be dropped. The policy is blocked, with the problem CheckExtensible reports on
                // the type itself (same words and place, so analysers report it once).
                if (GenericProblem(targetType) is { } generic)
                {
                    problems.Add(generic);
                    continue;
                }

                if (!found.TryGetValue(targetType, out var higher))
                {
                    var read = DeclaredTier.Read(targetType);
                    if (read is null)
                    {
                        problems.Add(Problems.WithinNonTier(tier.Type.Name, targetType.Name, tier.Location));
                        continue;
                    }

                    higher = read;
                    found[targetType] = higher;
                    discovery.Add(higher);
                    queue.Enqueue(higher);
                }

                // A law may sit within another law (DE within EU): national law inside supra-national law.
                if (higher.Rank > tier.Rank || (higher.Rank == tier.Rank && tier.Rank != Ranks.Immutable))
                {
                    problems.Add(Problems.WithinWrongRank(tier.Type.Name, tier.Rank, targetType.Name, higher.Rank, tier.Location));
                    continue;
                }

                if (ReferenceEquals(higher, tier))
                {
                    problems.Add(Problems.WithinItself(tier.Type.Name, tier.Location));
                    continue;
                }

                edges.Add((tier, higher));
            }
        }

        // Higher ranks first; among laws, a law before every law within it (EU before DE), so a supra-national bound
        // precedes the national ones in canonical order; then the order of discovery from the user tier.
        var problemsBefore = problems.Count;
        ReportLawCycles(edges, problems);
        var enclosing = EnclosingCounts(discovery, edges, problems.Count > problemsBefore ? null : problems);
        var ordered = discovery.Select((t, i) => (t, i))
            .OrderBy(x => x.t.Rank)
            .ThenBy(x => enclosing[x.i])
            .ThenBy(x => x.i)
            .Select(x => x.t)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Index = i;
        }

        foreach (var (from, to) in edges)
        {
            if (!from.WithinIndexes.Contains(to.Index))
            {
                from.WithinIndexes.Add(to.Index);
            }
        }

        foreach (var tier in ordered)
        {
            if (tier.Name.Length == 0)
            {
                problems.Add(Problems.EmptyTierName(tier.Type.Name, tier.Rank, tier.Location));
            }
        }

        return ordered;
    }

    // For each discovered tier, how many jurisdictions its law sits within, as the kernel nests them
    // (JurisdictionNesting: jurisdictions, not tiers, so two DE laws are one DE, within EU if either says so); 0 for
    // other ranks. If DE is within EU, EU is within fewer jurisdictions than DE, so sorting by the count puts every law
    // before the laws within it. A cycle through same-named laws (DE within EU, and a second EU law within DE), which
    // no law type shows, is PAC0003 on each law whose Within closes it, unless a cycle between the law types themselves
    // was reported already (then problems is null).
    private static int[] EnclosingCounts(List<DeclaredTier> discovery, List<(DeclaredTier From, DeclaredTier To)> edges, List<PolicyProblem>? problems)
    {
        var position = new Dictionary<DeclaredTier, int>();
        for (var i = 0; i < discovery.Count; i++)
        {
            position[discovery[i]] = i;
        }

        var shapeTiers = discovery.Select(t => new ShapeTier(
            (TierRank)t.Rank,
            t.Name,
            edges.Where(e => ReferenceEquals(e.From, t)).Select(e => position[e.To]).ToImmutableArray())).ToList();
        var jurisdictions = PolicyShape.DistinctJurisdictions(shapeTiers, out var jurisdictionOf);
        var enclosing = JurisdictionNesting.Enclosing(shapeTiers, jurisdictionOf, jurisdictions.Length);

        var counts = new int[discovery.Count];
        for (var i = 0; i < discovery.Count; i++)
        {
            var law = jurisdictionOf[i];
            if (law < 0)
            {
                continue;
            }

            counts[i] = enclosing[law].Length;
            if (problems is not null && enclosing[law].Any(outer => enclosing[outer].Contains(law))
                && shapeTiers[i].Within.Any(w => jurisdictionOf[w] >= 0 && jurisdictionOf[w] != law))
            {
                var tier = discovery[i];
                problems.Add(Problems.JurisdictionWithinItself(tier.Type.Name, tier.Name, tier.Location));
            }
        }

        return counts;
    }

    // Follows the edges between law types: a law found again on its own path is a cycle, PAC0003 on the law, naming
    // the laws the cycle goes through so the author sees which Within to remove. (The order of laws is the kernel's
    // concern: EnclosingCounts.)
    private static void ReportLawCycles(List<(DeclaredTier From, DeclaredTier To)> edges, List<PolicyProblem> problems)
    {
        var depth = new Dictionary<DeclaredTier, int>();
        var path = new List<DeclaredTier>();
        var reported = new HashSet<DeclaredTier>();

        int Depth(DeclaredTier law)
        {
            if (depth.TryGetValue(law, out var known))
            {
                return known;
            }

            var at = path.IndexOf(law);
            if (at >= 0)
            {
                if (reported.Add(law))
                {
                    var cycle = string.Join(" within ", path.Skip(at).Append(law).Select(t => t.Type.Name));
                    problems.Add(Problems.LawCycle(law.Type.Name, cycle, law.Location));
                }

                return 0;
            }

            path.Add(law);

            var deepest = 0;
            foreach (var (from, to) in edges)
            {
                if (ReferenceEquals(from, law) && to.Rank == Ranks.Immutable)
                {
                    deepest = System.Math.Max(deepest, Depth(to) + 1);
                }
            }

            path.RemoveAt(path.Count - 1);
            depth[law] = deepest;
            return deepest;
        }

        foreach (var (from, _) in edges)
        {
            if (from.Rank == Ranks.Immutable)
            {
                Depth(from);
            }
        }
    }

    /// <summary>PAC0009 for a tier type that is generic or nested in a generic type, or null.</summary>
    public static PolicyProblem? GenericProblem(INamedTypeSymbol type)
    {
        var location = SourceLocation.From(type.OriginalDefinition.Locations.FirstOrDefault());
        if (type.IsGenericType || type.IsUnboundGenericType || type.Arity > 0)
        {
            return Problems.GenericTier(type.Name, location);
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || outer.Arity > 0)
            {
                return Problems.NestedInGeneric(type.Name, outer.Name, location);
            }
        }

        return null;
    }
}
