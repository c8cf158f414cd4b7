using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore;

// The learned changes as GET learned, GET preferences ("learned") and POST feedback show them: each with its
// explanation (LearnedChange.Explain, the one wording) and the feedback that caused it.
internal static class LearnedJson
{
    public static JsonObject Of<TPreferences>(UserResolution<TPreferences> user)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        var ignored = new JsonArray();
        foreach (var item in user.Learned?.Ignored ?? [])
        {
            var change = Change(user.Snapshot.Registry, item.Change, user.History);
            change["why"] = item.Why;
            ignored.Add((JsonNode)change);
        }

        return new JsonObject
        {
            ["policy"] = TPreferences.Registry.Name,
            ["policyVersion"] = user.Snapshot.Version,
            ["applied"] = Applied(user),
            ["ignored"] = ignored,
        };
    }

    public static JsonArray Applied<TPreferences>(UserResolution<TPreferences> user)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        var applied = new JsonArray();
        foreach (var change in user.Learned?.Applied ?? [])
        {
            var node = Change(user.Snapshot.Registry, change, user.History);
            // What the bounds then grant: a learned value is resolved like any request.
            var dimension = user.Snapshot.Registry.Dimensions[change.Dimension];
            node["effective"] = PreferencesJson.ValueNode(dimension, TPreferences.Encode(user.Resolution.Effective)[change.Dimension]);
            applied.Add((JsonNode)node);
        }

        return applied;
    }

    private static JsonObject Change(PolicyRegistry registry, LearnedChange change, FeedbackHistory? history)
    {
        var dimension = registry.Dimensions[change.Dimension];
        var causes = new HashSet<string>(change.CausedBy, StringComparer.Ordinal);
        var feedback = new JsonArray();
        foreach (var e in history?.Events.Where(e => causes.Contains(e.Id)) ?? [])
        {
            feedback.Add((JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
                ["labels"] = new JsonArray([.. e.Nudges.Where(n => n.Dimension == dimension.Name).Select(n => (JsonNode?)JsonValue.Create(n.Label ?? Direction(n.Direction)))]),
                ["rating"] = e.Rating,
                ["decisionId"] = e.DecisionId,
            });
        }

        return new JsonObject
        {
            ["dimension"] = PreferenceNames.JsonName(dimension.Name),
            ["title"] = PreferenceNames.Title(dimension.Name),
            ["from"] = PreferencesJson.ValueNode(dimension, change.From),
            ["to"] = PreferencesJson.ValueNode(dimension, change.To),
            ["reason"] = change.Reason,
            ["explanation"] = change.Explain(registry),
            ["causedBy"] = new JsonArray([.. change.CausedBy.Select(id => (JsonNode?)JsonValue.Create(id))]),
            ["feedback"] = feedback,
        };
    }

    public static string Direction(FeedbackDirection direction) => direction == FeedbackDirection.Lower ? "lower" : "higher";
}
