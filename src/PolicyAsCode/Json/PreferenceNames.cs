using System;

namespace PolicyAsCode.Json;

/// <summary>How dimensions are named in a preferences JSON document.</summary>
public static class PreferenceNames
{
    /// <summary>
    /// The JSON property name of a dimension: its name with the first character lower-cased by
    /// <see cref="char.ToLowerInvariant(char)"/> (<c>MemoryDays</c> is <c>"memoryDays"</c>). Property names are matched
    /// ordinally, so the case of every other character matters. The generator computes the same name at build time.
    /// </summary>
    /// <param name="dimensionName">The dimension's (user-tier property's) name.</param>
    public static string JsonName(string dimensionName)
    {
        ArgumentNullException.ThrowIfNull(dimensionName);
        if (dimensionName.Length == 0 || char.ToLowerInvariant(dimensionName[0]) == dimensionName[0])
        {
            return dimensionName;
        }

        return string.Create(dimensionName.Length, dimensionName, static (span, name) =>
        {
            name.AsSpan().CopyTo(span);
            span[0] = char.ToLowerInvariant(name[0]);
        });
    }
}
