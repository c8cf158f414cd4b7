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

    /// <summary>
    /// The title a person reads for a dimension: its name split into words at each upper-case letter that starts one,
    /// every word after the first in lower case unless it is an acronym of several capitals (<c>MemoryDays</c> is
    /// "Memory days", <c>AvoidHazards</c> "Avoid hazards", <c>HTMLLevel</c> "HTML level"); underscores become spaces.
    /// Settings pages, the JSON Schema's <c>title</c> and the explanation document all use this one title.
    /// </summary>
    /// <param name="dimensionName">The dimension's (user-tier property's) name.</param>
    public static string Title(string dimensionName)
    {
        if (string.IsNullOrEmpty(dimensionName))
        {
            return dimensionName ?? string.Empty;
        }

        // Words first, then their case: an acronym is only known once its whole word is.
        var words = new System.Collections.Generic.List<string>();
        var start = 0;
        for (var i = 1; i <= dimensionName.Length; i++)
        {
            var end = i == dimensionName.Length || dimensionName[i] == '_'
                || (char.IsUpper(dimensionName[i]) && (!char.IsUpper(dimensionName[i - 1])
                    || (i + 1 < dimensionName.Length && char.IsLower(dimensionName[i + 1]))));
            if (end)
            {
                if (i > start && dimensionName[start] != '_')
                {
                    words.Add(dimensionName.Substring(start, i - start));
                }

                start = i < dimensionName.Length && dimensionName[i] == '_' ? i + 1 : i;
            }
        }

        var title = new System.Text.StringBuilder();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var acronym = word.Length > 1 && char.IsUpper(word[1]);
            if (w > 0)
            {
                title.Append(' ').Append(acronym ? word : char.ToLowerInvariant(word[0]) + word.Substring(1));
            }
            else
            {
                title.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
        }

        return title.Length == 0 ? dimensionName : title.ToString();
    }
}
