using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Records;

/// <summary>
/// Reads one decision-record line, leniently where the format allows it and strictly where a record would be
/// misread: unknown fields are ignored and missing optional ones take their empty value, but a field of the wrong type
/// or a missing required field (<c>v</c>, <c>id</c>, <c>time</c>, <c>kind</c>, <c>policy</c>, <c>version</c>, and
/// <c>decision</c> for a decision record) makes the line unreadable.
/// </summary>
internal static class DecisionRecordReader
{
    public static (DecisionRecord? Record, string? Error) Read(string line)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, "not JSON: " + OneLine(e.Message));
        }

        if (root is not JsonObject o)
        {
            return (null, "not a JSON object");
        }

        try
        {
            return (Record(o), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static DecisionRecord Record(JsonObject o)
    {
        var version = RequiredNumber(o, "v");
        if (version < 1 || version != Math.Floor(version) || version > int.MaxValue)
        {
            throw new FormatException($"\"v\" is {version.ToString(CultureInfo.InvariantCulture)}; schema versions are whole numbers from 1");
        }

        var id = RequiredString(o, "id");
        var timeText = RequiredString(o, "time");
        var kind = RequiredString(o, "kind") switch
        {
            "resolution" => DecisionRecordKind.Resolution,
            "decision" => DecisionRecordKind.Decision,
            var other => throw new FormatException($"\"kind\" is \"{other}\"; expected \"resolution\" or \"decision\""),
        };
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException("\"time\" is not an ISO-8601 time");
        }

        RecordedDecision? decision = null;
        if (kind == DecisionRecordKind.Decision)
        {
            decision = o["decision"] is JsonObject d ? Decision(d) : throw new FormatException("a decision record has no \"decision\" object");
        }

        return new DecisionRecord(
            id,
            time,
            kind,
            RequiredString(o, "policy"),
            RequiredString(o, "version"),
            OptionalLong(o, "overlayRevision"),
            OptionalString(o, "jurisdiction"),
            StringArray(o, "known"),
            StringArray(o, "holding"),
            ObjectOrEmpty(o, "requested"),
            StringArray(o, "redacted"),
            StringArray(o, "unreadable"),
            ObjectOrEmpty(o, "effective"),
            Adjustments(o),
            decision,
            OptionalString(o, "content"))
        {
            SchemaVersion = (int)version,
        };
    }

    private static List<RecordedAdjustment> Adjustments(JsonObject o)
    {
        var list = new List<RecordedAdjustment>();
        if (o["adjustments"] is null)
        {
            return list;
        }

        if (o["adjustments"] is not JsonArray array)
        {
            throw new FormatException("\"adjustments\" is not an array");
        }

        foreach (var item in array)
        {
            if (item is not JsonObject a)
            {
                throw new FormatException("an adjustment is not an object");
            }

            list.Add(new RecordedAdjustment(
                RequiredString(a, "dimension"),
                OptionalString(a, "cause") ?? "clamped",
                OptionalInt(a, "bound"),
                OptionalString(a, "source"),
                OptionalString(a, "tier"),
                OptionalString(a, "tierRank")));
        }

        return list;
    }

    private static RecordedDecision Decision(JsonObject d)
    {
        var allowed = d["allowed"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new FormatException("\"decision.allowed\" is not true or false");
        return new RecordedDecision(
            allowed,
            OptionalString(d, "stage") ?? "input",
            StringArray(d, "detected"),
            OptionalString(d, "cause") ?? (allowed ? "allowed" : "forbidden"),
            OptionalInt(d, "rule"),
            OptionalString(d, "tier"),
            StringArray(d, "hazards"));
    }

    private static string RequiredString(JsonObject o, string name) =>
        OptionalString(o, name) ?? throw new FormatException($"\"{name}\" is missing");

    private static string? OptionalString(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"\"{name}\" is not a string"),
    };

    private static double RequiredNumber(JsonObject o, string name) => o[name] switch
    {
        null => throw new FormatException($"\"{name}\" is missing"),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new FormatException($"\"{name}\" is not a number"),
    };

    private static long OptionalLong(JsonObject o, string name) => o[name] switch
    {
        null => 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        _ => throw new FormatException($"\"{name}\" is not a whole number"),
    };

    private static int? OptionalInt(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
        _ => throw new FormatException($"\"{name}\" is not a whole number or null"),
    };

    private static JsonObject ObjectOrEmpty(JsonObject o, string name) => o[name] switch
    {
        null => [],
        JsonObject inner => (JsonObject)inner.DeepClone(),
        _ => throw new FormatException($"\"{name}\" is not an object"),
    };

    private static List<string> StringArray(JsonObject o, string name)
    {
        var list = new List<string>();
        switch (o[name])
        {
            case null:
                return list;
            case JsonArray array:
                foreach (var item in array)
                {
                    list.Add(item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"\"{name}\" holds something other than strings"));
                }

                return list;
            default:
                throw new FormatException($"\"{name}\" is not an array");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
