using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.AspNetCore;

// The body of GET and PUT {prefix}/preferences: what the user asked for, what they get, and why each value moved.
internal static class PreferencesResponse
{
    public static JsonObject Of<TPreferences>(UserResolution<TPreferences> user, IReadOnlyList<PreferenceError>? saveProblems = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        var adjustments = Adjustments(TPreferences.Registry, user.Resolution.Adjustments);
        var body = new JsonObject
        {
            ["policy"] = TPreferences.Registry.Name,
            ["policyVersion"] = user.Snapshot.Version,
            ["revision"] = user.Stored?.Revision ?? 0,
            ["storedUnder"] = user.Stored?.PolicyVersion,
            ["preferences"] = Stored(user.Stored),
            ["effective"] = Document(TPreferences.Registry, TPreferences.Encode(user.Resolution.Effective)),
            ["adjustments"] = adjustments,

            // A policy version since the save may grant less than the user chose: those values are named, so the user
            // can see what moved rather than find it out.
            ["moved"] = user.PolicyChangedSinceSaved ? adjustments.DeepClone() : new JsonArray(),

            // Values learned from the user's feedback that this request uses (none without AddFeedbackLearning).
            ["learned"] = LearnedJson.Applied(user),
        };
        if (user.Errors.Count > 0)
        {
            body["storedProblems"] = Problems.Errors(user.Errors);
        }

        if (saveProblems is { Count: > 0 })
        {
            body["notStored"] = Problems.Errors(saveProblems);
        }

        return body;
    }

    public static JsonArray Adjustments(PolicyRegistry registry, IReadOnlyList<Adjustment> adjustments)
    {
        var array = new JsonArray();
        foreach (var adjustment in adjustments)
        {
            var dimension = adjustment.Dimension;
            array.Add((JsonNode)new JsonObject
            {
                ["dimension"] = PreferenceNames.JsonName(dimension.Name),
                ["cause"] = adjustment.Cause.ToString(),
                ["requested"] = dimension.InDomain(adjustment.Requested) ? PreferencesJson.ValueNode(dimension, adjustment.Requested) : null,
                ["granted"] = PreferencesJson.ValueNode(dimension, adjustment.Granted),
                ["tier"] = adjustment.Tier?.ToString(),
                ["bound"] = adjustment.Rule?.Source,
                ["reason"] = adjustment.Rule?.Reason,
                // Named as the policy names its links: its own benefits and risks by their declared ids.
                ["explanation"] = adjustment.Explain(registry),
            });
        }

        return array;
    }

    private static JsonNode? Stored(StoredPreferences? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(stored.Json);
        }
        catch (JsonException)
        {
            // A record this package did not write; storedProblems says what the reader made of it.
            return null;
        }
    }

    private static JsonNode Document(PolicyRegistry registry, ReadOnlySpan<DimensionValue> values)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PreferencesJson.Write(writer, registry, values);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
