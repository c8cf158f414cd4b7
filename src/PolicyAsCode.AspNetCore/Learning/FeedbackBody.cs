using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore;

/// <summary>What was wrong with a feedback body, where (a JSON path).</summary>
internal readonly record struct FeedbackError(string Path, string Kind, string Message);

/// <summary>A feedback body as read: what to keep, or why nothing is kept.</summary>
internal sealed record FeedbackBody(IReadOnlyList<DimensionNudge> Nudges, int? Rating, string? Reason, string? DecisionId, string? PolicyVersion, IReadOnlyList<FeedbackError> Errors)
{
    public const int MaxBytes = 64 * 1024;
    private const int MaxIdLength = 200;
    private const int MaxLabelLength = 100;

    // {"nudges":[{"dimension":"verbosity","direction":"lower","label":"too long"}],"rating":-1,"reason":"...","decisionId":"...","policyVersion":"..."}
    // Dimensions by their JSON names (as in the preferences document); only ordered kinds take a direction.
    public static FeedbackBody Read(PolicyRegistry registry, ReadOnlySpan<byte> utf8, int maxReasonLength)
    {
        var errors = new List<FeedbackError>();
        var nudges = new List<DimensionNudge>();
        int? rating = null;
        string? reason = null, decisionId = null, policyVersion = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return new([], null, null, null, null, [new("$", "Syntax", "The body is not JSON: " + e.Message)]);
        }

        if (root is not JsonObject body)
        {
            return new([], null, null, null, null, [new("$", "Type", "The body must be a JSON object.")]);
        }

        foreach (var (name, value) in body)
        {
            var path = "$." + name;
            switch (name)
            {
                case "nudges":
                    ReadNudges(registry, value, nudges, errors);
                    break;
                case "rating":
                    if (value is not null && (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var r) || (r != -1 && r != 1)))
                    {
                        errors.Add(new(path, "Value", "A rating is -1 (thumbs down) or 1 (thumbs up)."));
                    }
                    else if (value is not null)
                    {
                        rating = value.GetValue<int>();
                    }

                    break;
                case "reason":
                    reason = Text(value, path, maxReasonLength, errors);
                    break;
                case "decisionId":
                    decisionId = Text(value, path, MaxIdLength, errors);
                    break;
                case "policyVersion":
                    policyVersion = Text(value, path, MaxIdLength, errors);
                    break;
                default:
                    errors.Add(new(path, "UnknownField", $"'{name}' is not a feedback field (nudges, rating, reason, decisionId, policyVersion)."));
                    break;
            }
        }

        if (errors.Count == 0 && nudges.Count == 0 && rating is null)
        {
            errors.Add(new("$", "Empty", "Feedback says something: at least one nudge or a rating."));
        }

        return new(nudges, rating, reason, decisionId, policyVersion, errors);
    }

    private static void ReadNudges(PolicyRegistry registry, JsonNode? value, List<DimensionNudge> nudges, List<FeedbackError> errors)
    {
        if (value is not JsonArray array)
        {
            errors.Add(new("$.nudges", "Type", "nudges is an array of {dimension, direction, label}."));
            return;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.nudges[{i}]";
            if (array[i] is not JsonObject nudge)
            {
                errors.Add(new(path, "Type", "A nudge is an object {dimension, direction, label}."));
                continue;
            }

            var dimension = Dimension(registry, Text(nudge["dimension"], path + ".dimension", MaxIdLength, errors), path + ".dimension", errors);
            var direction = Text(nudge["direction"], path + ".direction", 10, errors) switch
            {
                "lower" => FeedbackDirection.Lower,
                "higher" => FeedbackDirection.Higher,
                _ => (FeedbackDirection?)null,
            };
            if (direction is null)
            {
                errors.Add(new(path + ".direction", "Value", "direction is \"lower\" or \"higher\", in the dimension's own order."));
            }

            var label = Text(nudge["label"], path + ".label", MaxLabelLength, errors);
            foreach (var (field, _) in nudge)
            {
                if (field is not ("dimension" or "direction" or "label"))
                {
                    errors.Add(new($"{path}.{field}", "UnknownField", $"'{field}' is not a nudge field (dimension, direction, label)."));
                }
            }

            if (dimension is not null && !seen.Add(dimension.Index))
            {
                errors.Add(new(path + ".dimension", "Duplicate", $"{PreferenceNames.JsonName(dimension.Name)} is nudged twice in one feedback."));
            }
            else if (dimension is not null && direction is { } d)
            {
                nudges.Add(new DimensionNudge(dimension.Name, d, label));
            }
        }
    }

    private static DimensionInfo? Dimension(PolicyRegistry registry, string? name, string path, List<FeedbackError> errors)
    {
        if (name is null)
        {
            errors.Add(new(path, "Missing", "A nudge names its dimension."));
            return null;
        }

        foreach (var dimension in registry.Dimensions)
        {
            if (PreferenceNames.JsonName(dimension.Name) == name)
            {
                // Only an ordered dimension has a lower and a higher end to move towards.
                if (dimension.Kind is DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real or DimensionKind.Boolean)
                {
                    return dimension;
                }

                errors.Add(new(path, "Unordered", $"{name} has no order, so it cannot be nudged lower or higher."));
                return null;
            }
        }

        errors.Add(new(path, "UnknownDimension", $"The policy has no dimension '{name}'."));
        return null;
    }

    // A string field: null when absent; too long, not a string, or text no store keeps exactly is an error.
    private static string? Text(JsonNode? value, string path, int maxLength, List<FeedbackError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new(path, "Type", "Expected a string."));
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length > maxLength)
        {
            errors.Add(new(path, "TooLong", $"At most {maxLength} characters."));
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[++i]))) || char.IsLowSurrogate(c))
            {
                errors.Add(new(path, "Value", "The text holds a NUL character or a lone surrogate, which cannot be stored."));
                return null;
            }
        }

        return text;
    }
}
