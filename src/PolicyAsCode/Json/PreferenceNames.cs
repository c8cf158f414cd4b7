namespace PolicyAsCode.Json;

/// <summary>How dimensions are named in a preferences JSON document.</summary>
// Compiled into the generator too (as an internal type), so the generated reader and the runtime name alike.
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class PreferenceNames
{
    /// <summary>
    /// The JSON property name of a dimension: its name with the first character lower-cased by
    /// <see cref="char.ToLowerInvariant(char)"/> (<c>MemoryDays</c> is <c>"memoryDays"</c>). Property names are matched
    /// ordinally, so the case of every other character matters.
    /// </summary>
    /// <param name="dimensionName">The dimension's (user-tier property's) name.</param>
    public static string JsonName(string dimensionName)
    {
        if (string.IsNullOrEmpty(dimensionName))
        {
            return dimensionName ?? string.Empty;
        }

        var first = char.ToLowerInvariant(dimensionName[0]);
        return first == dimensionName[0] ? dimensionName : first + dimensionName.Substring(1);
    }
}
