namespace PolicyAsCode.Json;

/// <summary>
/// The names of dimensions in the user-preferences JSON wire format: each dimension is a property named by its
/// name in camelCase (<c>MemoryDays</c> is <c>"memoryDays"</c>). The reader, the JSON Schema and the policy card
/// all name properties through this one function.
/// </summary>
public static class PreferenceNames
{
    /// <summary>
    /// The JSON property name of a dimension: its name with the first character lower-cased (invariant culture);
    /// a name that is empty or already starts in lower case is returned as it is.
    /// </summary>
    /// <param name="dimensionName">The dimension's name, <see cref="DimensionInfo.Name"/>.</param>
    /// <returns>The camelCase property name.</returns>
    public static string JsonName(string dimensionName) => string.IsNullOrEmpty(dimensionName) || char.IsLower(dimensionName[0]) ? dimensionName : char.ToLowerInvariant(dimensionName[0]) + dimensionName.Substring(1);
}
