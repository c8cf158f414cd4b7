using System;
using System.Collections.Generic;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Human-readable names of hazard categories, for instructions and refusal messages.</summary>
public static class HazardDescriptions
{
    /// <summary>The title and code of each hazard category in <paramref name="hazards"/>, e.g. <c>Elections (S13)</c>.</summary>
    public static IEnumerable<string> Titles(PolicyRegistry registry, Hazard hazards)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var name in HazardNames.Of(hazards, registry.CustomHazards))
        {
            yield return name.IsShipped ? $"{name.Title} ({name.Code})" : $"{name.Description.TrimEnd('.')} ({name.Code})";
        }
    }
}
