using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Learning;

/// <summary>
/// Feedback records for training preference models, as JSON Lines. Only consent lets a record out: a user is exported
/// only when the context of their latest feedback establishes <see cref="Fact.ConsentsToFeedbackTraining"/> (so a
/// withdrawal covers what came before), and then only their events that establish it too. Ids become keyed-hash
/// pseudonyms, time is kept to the day, and redacted dimensions are left out.
/// </summary>
public static class FeedbackExport
{
    /// <summary>The records <paramref name="events"/> yield, in time order.</summary>
    /// <exception cref="ArgumentException">The pseudonym key is too short.</exception>
    public static IReadOnlyList<ExportedFeedback> Records(IEnumerable<FeedbackEvent> events, FeedbackExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var all = events.Where(e => e is not null).ToList();
        var consenting = all
            .GroupBy(e => e.UserId, StringComparer.Ordinal)
            .Where(g => g.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Last().ConsentsToTraining)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var redacted = new HashSet<string>(options.RedactedDimensions ?? [], StringComparer.Ordinal);
        using var hmac = new HMACSHA256(options.PseudonymKey);
        var records = new List<ExportedFeedback>();
        foreach (var feedback in all.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!consenting.Contains(feedback.UserId) || !feedback.ConsentsToTraining)
            {
                continue;
            }

            var nudges = feedback.Nudges.Where(n => !redacted.Contains(n.Dimension))
                .Select(n => new ExportedNudge(n.Dimension, n.Direction == FeedbackDirection.Lower ? "lower" : "higher", n.Label)).ToList();
            var lostSome = nudges.Count != feedback.Nudges.Count;
            records.Add(new ExportedFeedback(
                Pseudonym(hmac, "user", feedback.UserId),
                Pseudonym(hmac, "event", feedback.Id),
                feedback.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                feedback.Jurisdiction,
                FactNames(feedback.Context),
                nudges,
                feedback.Rating is -1 or 1 ? feedback.Rating : null,
                options.IncludeReasons && !lostSome ? feedback.Reason : null,
                feedback.DecisionId is null ? null : Pseudonym(hmac, "decision", feedback.DecisionId),
                feedback.PolicyVersion));
        }

        return records;
    }

    /// <summary>Writes the records <paramref name="events"/> yield as JSON Lines; returns how many.</summary>
    public static int Write(TextWriter writer, IEnumerable<FeedbackEvent> events, FeedbackExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var records = Records(events, options);
        foreach (var record in records)
        {
            writer.Write(Line(record));
            writer.Write('\n');
        }

        return records.Count;
    }

    /// <summary>One record as one line of JSON.</summary>
    public static string Line(ExportedFeedback record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("user", record.User);
            json.WriteString("event", record.Event);
            json.WriteString("day", record.Day);
            json.WriteString("jurisdiction", record.Jurisdiction);
            json.WriteStartArray("facts");
            foreach (var fact in record.Facts)
            {
                json.WriteStringValue(fact);
            }

            json.WriteEndArray();
            json.WriteStartArray("nudges");
            foreach (var nudge in record.Nudges)
            {
                json.WriteStartObject();
                json.WriteString("dimension", nudge.Dimension);
                json.WriteString("direction", nudge.Direction);
                json.WriteString("label", nudge.Label);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (record.Rating is { } rating)
            {
                json.WriteNumber("rating", rating);
            }
            else
            {
                json.WriteNull("rating");
            }

            json.WriteString("reason", record.Reason);
            json.WriteString("decision", record.Decision);
            json.WriteString("policyVersion", record.PolicyVersion);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads an export back, one record per non-empty line.</summary>
    /// <exception cref="FormatException">A line is not a record; the message names the line.</exception>
    public static IReadOnlyList<ExportedFeedback> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<ExportedFeedback>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new FormatException($"line {number.ToString(CultureInfo.InvariantCulture)} is not a feedback record: {e.Message}", e);
            }
        }

        return records;
    }

    private static ExportedFeedback Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var o = document.RootElement;
        var nudges = o.GetProperty("nudges").EnumerateArray()
            .Select(n => new ExportedNudge(Required(n, "dimension"), Required(n, "direction"), Optional(n, "label")))
            .ToList();
        if (nudges.Any(n => n.Direction is not ("lower" or "higher")))
        {
            throw new FormatException("a nudge's direction is \"lower\" or \"higher\"");
        }

        var rating = o.GetProperty("rating");
        return new ExportedFeedback(
            Required(o, "user"),
            Required(o, "event"),
            Required(o, "day"),
            Optional(o, "jurisdiction"),
            o.GetProperty("facts").EnumerateArray().Select(f => f.GetString() ?? throw new FormatException("a fact is a string")).ToList(),
            nudges,
            rating.ValueKind == JsonValueKind.Null ? null : rating.GetInt32(),
            Optional(o, "reason"),
            Optional(o, "decision"),
            Optional(o, "policyVersion"));
    }

    private static string Required(JsonElement o, string name) =>
        o.GetProperty(name).GetString() ?? throw new FormatException($"\"{name}\" is a string");

    private static string? Optional(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    // The kind keeps a user id from ever sharing a pseudonym with an event or decision id that happens to be equal.
    private static string Pseudonym(HMACSHA256 hmac, string kind, string id)
    {
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(kind + "\n" + id));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    private static List<string> FactNames(PolicyContext context)
    {
        var names = new List<string>();
        foreach (var fact in Enum.GetValues<Fact>())
        {
            if (fact != Fact.None && context.Establishes(fact))
            {
                names.Add(fact.ToString());
            }
        }

        return names;
    }
}
