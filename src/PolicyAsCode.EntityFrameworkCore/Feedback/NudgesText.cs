using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Learning;

namespace PolicyAsCode.EntityFrameworkCore;

// An event's nudges as the text of one column: [{"dimension":"Verbosity","direction":"lower","label":"too long"}].
// Written and read without reflection, like the rest of the packages.
internal static class NudgesText
{
    public static string Write(IReadOnlyList<DimensionNudge> nudges)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var nudge in nudges)
            {
                writer.WriteStartObject();
                writer.WriteString("dimension", nudge.Dimension);
                writer.WriteString("direction", nudge.Direction == FeedbackDirection.Lower ? "lower" : "higher");
                if (nudge.Label is not null)
                {
                    writer.WriteString("label", nudge.Label);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<DimensionNudge> Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var nudges = new List<DimensionNudge>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var direction = item.GetProperty("direction").GetString() switch
            {
                "lower" => FeedbackDirection.Lower,
                "higher" => FeedbackDirection.Higher,
                var other => throw new FormatException($"A stored nudge has the direction '{other}'; only 'lower' and 'higher' are written."),
            };
            nudges.Add(new DimensionNudge(
                item.GetProperty("dimension").GetString()!,
                direction,
                item.TryGetProperty("label", out var label) ? label.GetString() : null));
        }

        return nudges;
    }
}
