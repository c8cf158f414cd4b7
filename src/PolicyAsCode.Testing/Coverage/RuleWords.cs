using System;
using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Json;

namespace PolicyAsCode.Testing;

/// <summary>
/// How the kit names a policy's rules, in the words of <c>pac</c> and the policy card: the tier as a reader names it
/// (<see cref="TierInfo.ToString"/>), a bound as written in its attribute, a condition in the notation of
/// <see cref="Wording.Condition"/>. Coverage lists rules this way, and a case names a refusing rule this way.
/// </summary>
internal static class RuleWords
{
    /// <summary><c>MemoryDays Locked(0) (unless ConsentsToMemory)</c>.</summary>
    public static string Bound(PolicyRegistry registry, BoundRule rule) =>
        registry.Dimensions[rule.Dimension].Name + " " + rule.Source + When(rule.Condition);

    /// <summary><c>refuses SexualContent (when Minor)</c>, or for the user's own list <c>refuses what the user lists in avoidHazards</c>.</summary>
    public static string Forbid(PolicyRegistry registry, ForbidRule rule) =>
        rule.Dimension is int own
            ? "refuses what the user lists in " + PreferenceNames.JsonName(registry.Dimensions[own].Name)
            : "refuses " + Hazards(registry, rule.Hazards) + When(rule.Condition);

    /// <summary><c>waives law of EU's bounds on DiscloseAi (when RolePlay)</c>.</summary>
    public static string Waiver(PolicyRegistry registry, WaiverClaim claim) =>
        "waives " + registry.Tiers[claim.Waived] + "'s bounds on " + registry.Dimensions[claim.Dimension].Name + When(claim.Condition);

    /// <summary>Hazards by name (a declared custom hazard by its code), joined with <c> | </c>; <c>none</c> for none.</summary>
    public static string Hazards(PolicyRegistry registry, Hazard hazards) =>
        hazards == Hazard.None ? "none" : string.Join(" | ", HazardNames.Bits(hazards).Select(h => HazardName(registry, h)));

    /// <summary>One hazard by name: the <see cref="Hazard"/> member, or a declared custom hazard's code.</summary>
    public static string HazardName(PolicyRegistry registry, Hazard hazard) =>
        HazardNames.Name(hazard, registry.CustomHazards) is { IsShipped: false } custom ? custom.Code : hazard.ToString();

    /// <summary>A hazard named in a case: a <see cref="Hazard"/> member name or a declared custom hazard's code; null when it is neither.</summary>
    public static Hazard? ParseHazard(PolicyRegistry registry, string name)
    {
        foreach (var info in registry.CustomHazards)
        {
            if (string.Equals(info.Code, name, StringComparison.Ordinal))
            {
                return info.Hazard;
            }
        }

        return name != nameof(Hazard.None) && Enum.GetNames<Hazard>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<Hazard>(name) : null;
    }

    /// <summary>The names a case may use for hazards, for a message.</summary>
    public static string HazardChoices(PolicyRegistry registry) =>
        string.Join(", ", Enum.GetNames<Hazard>().Where(n => n != nameof(Hazard.None)).Concat(registry.CustomHazards.Select(h => h.Code)));

    /// <summary>The tiers of the registry as a reader names them, for a message.</summary>
    public static string TierChoices(PolicyRegistry registry) => string.Join(", ", registry.Tiers.Select(t => t.ToString()));

    /// <summary>The tier a case names (as a reader names it, any case), or null.</summary>
    public static TierInfo? FindTier(PolicyRegistry registry, string name) =>
        registry.Tiers.FirstOrDefault(t => string.Equals(t.ToString(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The dimension a case names by its JSON name, or null.</summary>
    public static DimensionInfo? FindDimension(PolicyRegistry registry, string jsonName) =>
        registry.Dimensions.FirstOrDefault(d => string.Equals(PreferenceNames.JsonName(d.Name), jsonName, StringComparison.Ordinal));

    /// <summary>The JSON names of the registry's dimensions, for a message.</summary>
    public static string DimensionChoices(PolicyRegistry registry) => string.Join(", ", registry.Dimensions.Select(d => PreferenceNames.JsonName(d.Name)));

    private static string When(Condition condition) => condition.IsAlways ? string.Empty : " (" + condition + ")";

    /// <summary>Joins names as a list for a message.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names);
}
