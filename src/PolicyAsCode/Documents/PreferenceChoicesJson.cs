using System;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Documents;

/// <summary>
/// The JSON of <see cref="PreferenceChoices"/>: the explanation document, and the parts the JSON Schema embeds
/// (an exclusion, an option's value), written here once so both say the same.
/// </summary>
internal static class PreferenceChoicesJson
{
    public static JsonObject Document(
        PreferenceChoices choices, ReadOnlySpan<DimensionValue> requested, DimensionSet unreadable, ReadOnlySpan<DimensionValue> effective, Adjustment?[] adjustments)
    {
        var dimensions = new JsonArray();
        foreach (var dimension in choices.Dimensions)
        {
            var d = dimension.Dimension.Index;
            var asked = !requested.IsEmpty && !unreadable.Contains(d) && dimension.Dimension.InDomain(requested[d]) ? requested[d] : (DimensionValue?)null;
            if (!dimension.Dimension.InDomain(effective[d]))
            {
                throw new ArgumentException($"{dimension.Dimension.Name}: the effective value {effective[d]} is outside the dimension's domain.", nameof(effective));
            }

            dimensions.Add((JsonNode)Dimension(choices.Registry, dimension, asked, effective[d], adjustments[d]));
        }

        return new JsonObject
        {
            ["policy"] = choices.Registry.UserTier.Name,
            ["jurisdiction"] = choices.Jurisdiction,
            ["where"] = choices.Where,
            ["context"] = choices.ContextText,
            ["dimensions"] = dimensions,
        };
    }

    /// <summary>An exclusion as the explanation document's <c>excludedBy</c> and the schema's <c>x-excluded</c> entries give it.</summary>
    public static JsonObject ExcludedBy(Exclusion exclusion) => new()
    {
        ["tier"] = exclusion.Tier?.ToString(),
        ["rank"] = exclusion.Tier?.Rank.ToString(),
        ["bound"] = exclusion.Bound,
        ["reason"] = exclusion.Reason,
        ["explanation"] = exclusion.Explanation,
    };

    /// <summary>
    /// An option's value: as the wire format writes the value (<see cref="PreferencesJson.ValueNode"/>), but for a
    /// flag its member's name, the item a preferences document lists (and the schema's <c>items.enum</c> names).
    /// </summary>
    public static JsonNode OptionValue(DimensionChoices dimension, ChoiceOption option) =>
        dimension.Dimension.Kind == DimensionKind.Set ? JsonValue.Create(option.Label) : PreferencesJson.ValueNode(dimension.Dimension, option.Value);

    /// <summary>A number of an <see cref="int"/> or <see cref="double"/> dimension, as JSON.</summary>
    public static JsonValue Number(DimensionInfo dimension, double value) =>
        dimension.Kind == DimensionKind.Integer ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static JsonObject Dimension(PolicyRegistry registry, DimensionChoices dimension, DimensionValue? requested, DimensionValue effective, Adjustment? adjustment)
    {
        var info = dimension.Dimension;
        var node = new JsonObject
        {
            ["name"] = dimension.JsonName,
            ["title"] = dimension.Title,
            ["description"] = dimension.Description,
            ["kind"] = dimension.Kind,
            ["default"] = PreferencesJson.ValueNode(info, dimension.Default),
            ["requested"] = requested is { } asked ? PreferencesJson.ValueNode(info, asked) : null,
            ["effective"] = PreferencesJson.ValueNode(info, effective),
        };

        if (dimension.Range is { } range)
        {
            node["range"] = new JsonObject
            {
                ["minimum"] = Number(info, range.Minimum),
                ["maximum"] = Number(info, range.Maximum),
                ["domainMinimum"] = Number(info, range.DomainMinimum),
                ["domainMaximum"] = Number(info, range.DomainMaximum),
                ["belowMinimum"] = range.BelowMinimum is { } below ? ExcludedBy(below) : null,
                ["aboveMaximum"] = range.AboveMaximum is { } above ? ExcludedBy(above) : null,
            };
        }
        else
        {
            var options = new JsonArray();
            foreach (var option in dimension.Options)
            {
                var item = new JsonObject
                {
                    ["value"] = OptionValue(dimension, option),
                    ["label"] = option.Label,
                    ["allowed"] = option.Allowed,
                };
                if (info.Kind == DimensionKind.Set)
                {
                    item["required"] = option.Required;
                }

                item["excludedBy"] = option.ExcludedBy is { } exclusion ? ExcludedBy(exclusion) : null;
                options.Add((JsonNode)item);
            }

            node["options"] = options;
        }

        node["adjustment"] = adjustment?.Explain(registry);
        node["boundedBy"] = DocumentJson.Strings(dimension.BoundedBy);
        node["enables"] = Links(dimension.Enables);
        node["mitigates"] = Links(dimension.Mitigates);
        return node;
    }

    private static JsonArray Links(ImmutableArray<CardLink> links)
    {
        var array = new JsonArray();
        foreach (var link in links)
        {
            array.Add((JsonNode)new JsonObject { ["id"] = link.Id, ["name"] = link.Title, ["description"] = link.Description });
        }

        return array;
    }
}
