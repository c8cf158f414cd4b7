using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
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
                    problems.Add(new PolicyProblem("PAC0003", $"{tier.Type.Name} is within a type that does not exist", tier.Location, true));
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
                        problems.Add(new PolicyProblem("PAC0003", $"{tier.Type.Name} is within {targetType.Name}, which is not a tier: mark it [ImmutableTier] or [OrganisationTier]", tier.Location, true));
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
                    problems.Add(new PolicyProblem(
                        "PAC0003",
                        $"{tier.Type.Name} ({Ranks.Describe(tier.Rank)} tier) cannot be within {targetType.Name} ({Ranks.Describe(higher.Rank)} tier): "
                        + (tier.Rank == Ranks.Immutable ? "a law sits only within other laws" : "a tier sits only within tiers of a higher rank"),
                        tier.Location,
                        true));
                    continue;
                }

                if (ReferenceEquals(higher, tier))
                {
                    problems.Add(new PolicyProblem("PAC0003", $"{tier.Type.Name} cannot be within itself", tier.Location, true));
                    continue;
                }

                edges.Add((tier, higher));
            }
        }

        // Higher ranks first; among laws, a law before every law within it (EU before DE), so a supra-national bound
        // precedes the national ones in canonical order; then the order of discovery from the user tier.
        var problemsBefore = problems.Count;
        var lawDepths = LawDepths(edges, problems);
        var depth = JurisdictionDepths(edges, lawDepths, problems.Count > problemsBefore ? null : problems);
        var ordered = discovery.Select((t, i) => (t, i))
            .OrderBy(x => x.t.Rank)
            .ThenBy(x => x.t.Rank == Ranks.Immutable && depth.TryGetValue(x.t.Name, out var d) ? d : 0)
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
                problems.Add(new PolicyProblem("PAC0003", $"{tier.Type.Name} needs a non-empty {(tier.Rank == Ranks.Immutable ? "jurisdiction" : "name")}", tier.Location, true));
            }
        }

        return ordered;
    }

    // The depth of each law's jurisdiction: the kernel nests jurisdictions, not tiers (two DE laws are one DE, within
    // EU if either says so), so a DE law that names no Within still comes after EU law and is the one skipped where
    // they contradict. Each jurisdiction is as deep as its deepest law, and one deeper than every jurisdiction it is
    // within. A cycle through same-named laws (DE within EU, and a second EU law within DE) would grow forever: it is
    // cut after as many rounds as there are laws and reported as PAC0003 on each law whose Within still raised a
    // depth, unless a cycle between the law types themselves was reported already (then problems is null).
    private static Dictionary<string, int> JurisdictionDepths(List<(DeclaredTier From, DeclaredTier To)> edges, Dictionary<DeclaredTier, int> lawDepths, List<PolicyProblem>? problems)
    {
        var depth = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var pair in lawDepths)
        {
            depth[pair.Key.Name] = depth.TryGetValue(pair.Key.Name, out var known) ? System.Math.Max(known, pair.Value) : pair.Value;
        }

        var raising = new List<DeclaredTier>();
        for (var round = 0; round <= lawDepths.Count; round++)
        {
            raising.Clear();
            foreach (var (from, to) in edges)
            {
                if (from.Rank == Ranks.Immutable && to.Rank == Ranks.Immutable && !string.Equals(from.Name, to.Name, System.StringComparison.OrdinalIgnoreCase))
                {
                    var outer = depth.TryGetValue(to.Name, out var d) ? d : 0;
                    if (!depth.TryGetValue(from.Name, out var inner) || inner < outer + 1)
                    {
                        depth[from.Name] = outer + 1;
                        raising.Add(from);
                    }
                }
            }

            if (raising.Count == 0)
            {
                break;
            }
        }

        if (raising.Count > 0 && problems is not null)
        {
            foreach (var law in raising.Distinct())
            {
                problems.Add(new PolicyProblem(
                    "PAC0003",
                    $"{law.Type.Name} puts {law.Name} within a jurisdiction that is itself within {law.Name} through other laws: the laws' Within lists form a cycle",
                    law.Location,
                    true));
            }
        }

        return depth;
    }

    // How many laws each law sits within, at most (EU 0, DE 1, DE-BY 2), following the edges between laws. A law
    // found again on its own path is a cycle, PAC0003 on the law, naming the laws the cycle goes through so the author
    // sees which Within to remove; the cycle's edges count no further.
    private static Dictionary<DeclaredTier, int> LawDepths(List<(DeclaredTier From, DeclaredTier To)> edges, List<PolicyProblem> problems)
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
                    problems.Add(new PolicyProblem("PAC0003", $"{law.Type.Name} is within itself ({cycle}): the laws' Within lists form a cycle", law.Location, true));
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

        return depth;
    }

    /// <summary>PAC0009 for a tier type that is generic or nested in a generic type, or null.</summary>
    public static PolicyProblem? GenericProblem(INamedTypeSymbol type)
    {
        var location = SourceLocation.From(type.OriginalDefinition.Locations.FirstOrDefault());
        if (type.IsGenericType || type.IsUnboundGenericType || type.Arity > 0)
        {
            return new PolicyProblem("PAC0009", $"{type.Name} must not be generic: a tier has one set of properties and bounds", location, true);
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || outer.Arity > 0)
            {
                return new PolicyProblem("PAC0009", $"{type.Name} must not be nested in a generic type ({outer.Name})", location, true);
            }
        }

        return null;
    }
}
