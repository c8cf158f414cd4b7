using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators;

/// <summary>Metadata names of the authoring surface, kept in one place.</summary>
internal static class KnownNames
{
    public const string ImmutableTierAttribute = "PolicyAsCode.ImmutableTierAttribute";
    public const string OrganisationTierAttribute = "PolicyAsCode.OrganisationTierAttribute";
    public const string UserTierAttribute = "PolicyAsCode.UserTierAttribute";
    public const string AtMostAttribute = "PolicyAsCode.AtMostAttribute";
    public const string AtLeastAttribute = "PolicyAsCode.AtLeastAttribute";
    public const string BetweenAttribute = "PolicyAsCode.BetweenAttribute";
    public const string LockedAttribute = "PolicyAsCode.LockedAttribute";
    public const string AllowedAttribute = "PolicyAsCode.AllowedAttribute";
    public const string ForbidAttribute = "PolicyAsCode.ForbidAttribute";
    public const string WaivesAttribute = "PolicyAsCode.WaivesAttribute";
    public const string EnablesAttribute = "PolicyAsCode.EnablesAttribute";
    public const string MitigatesAttribute = "PolicyAsCode.MitigatesAttribute";
    public const string DescribedAttribute = "PolicyAsCode.DescribedAttribute";
    public const string InstructionAttribute = "PolicyAsCode.InstructionAttribute";
    public const string HigherIsStricterAttribute = "PolicyAsCode.HigherIsStricterAttribute";
    public const string HazardCategoryAttribute = "PolicyAsCode.HazardCategoryAttribute";
    public const string NeverTogetherAttribute = "PolicyAsCode.NeverTogetherAttribute";
    public const string BenefitCategoryAttribute = "PolicyAsCode.BenefitCategoryAttribute";
    public const string RiskCategoryAttribute = "PolicyAsCode.RiskCategoryAttribute";
    public const string Hazard = "PolicyAsCode.Hazard";
    public const string FlagsAttribute = "System.FlagsAttribute";

    public const string When = "When";
    public const string Unless = "Unless";
    public const string WaivableBy = "WaivableBy";
    public const string Reason = "Reason";
    public const string Within = "Within";
    public const string Mitigates = "Mitigates";

    /// <summary>
    /// Whether <paramref name="symbol"/> is the type or namespace named <paramref name="fullName"/> (dotted, no
    /// <c>global::</c>, not generic). Compares names segment by segment without formatting the symbol: the reader asks
    /// this for every attribute of every tier property, where <c>ToDisplayString</c> would dominate its cost.
    /// </summary>
    public static bool Is(ISymbol? symbol, string fullName)
    {
        var end = fullName.Length;
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return end == 0;
            }

            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            end = start;
            if (current.ContainingSymbol is INamespaceSymbol { IsGlobalNamespace: true } || current.ContainingSymbol is null)
            {
                return end == 0;
            }

            if (end == 0 || fullName[end - 1] != '.')
            {
                return false;
            }

            end--;
        }

        return false;
    }
}

/// <summary>Names of the tracked pipeline steps, for cacheability tests.</summary>
internal static class TrackingNames
{
    public const string Policies = nameof(Policies);
    public const string EmittablePolicies = nameof(EmittablePolicies);
}

/// <summary>The rank numbers of <see cref="TierRank"/>, as the model stores them.</summary>
internal static class Ranks
{
    public const int None = 0;
    public const int Immutable = (int)TierRank.Immutable;
    public const int Organisation = (int)TierRank.Organisation;
    public const int User = (int)TierRank.User;

    public static string Describe(int rank) => Wording.Rank((TierRank)rank);
}
