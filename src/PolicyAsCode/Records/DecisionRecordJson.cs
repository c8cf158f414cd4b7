using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Records;

/// <summary>
/// Decision records as JSON Lines: one JSON object per line, <c>"v": 1</c> first. Readers accept fields they do not know
/// and optional fields that are missing, so a record written by one version of a policy (or of this library) reads in
/// a later one. The format, field by field, is in docs/decision-records.md.
/// </summary>
public static class DecisionRecordJson
{
    /// <summary>The longest line <see cref="ReadLines"/> reads (1 MiB of characters); a longer one is a bad line.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Writes <paramref name="record"/> as one JSON object (no line break).</summary>
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteNumber("v", record.SchemaVersion);
        writer.WriteString("id", record.Id);
        writer.WriteString("time", record.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("kind", record.Kind == DecisionRecordKind.Decision ? "decision" : "resolution");
        writer.WriteString("policy", record.Policy);
        writer.WriteString("version", record.Version);
        writer.WriteNumber("overlayRevision", record.OverlayRevision);
        writer.WriteString("jurisdiction", record.Jurisdiction);
        Strings(writer, "known", record.Known);
        Strings(writer, "holding", record.Holding);
        writer.WritePropertyName("requested");
        record.Requested.WriteTo(writer);
        Strings(writer, "redacted", record.Redacted);
        Strings(writer, "unreadable", record.Unreadable);
        writer.WritePropertyName("effective");
        record.Effective.WriteTo(writer);
        writer.WriteStartArray("adjustments");
        foreach (var a in record.Adjustments)
        {
            writer.WriteStartObject();
            writer.WriteString("dimension", a.Dimension);
            writer.WriteString("cause", a.Cause);
            NumberOrNull(writer, "bound", a.Bound);
            writer.WriteString("source", a.Source);
            writer.WriteString("tier", a.Tier);
            writer.WriteString("tierRank", a.TierRank);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (record.Decision is { } d)
        {
            writer.WriteStartObject("decision");
            writer.WriteBoolean("allowed", d.Allowed);
            writer.WriteString("stage", d.Stage);
            Strings(writer, "detected", d.Detected);
            writer.WriteString("cause", d.Cause);
            NumberOrNull(writer, "rule", d.Rule);
            writer.WriteString("tier", d.Tier);
            Strings(writer, "hazards", d.Hazards);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("decision");
        }

        if (record.Content is not null)
        {
            writer.WriteString("content", record.Content);
        }

        writer.WriteEndObject();
    }

    /// <summary>The record as one line of JSON (without the line break), UTF-8.</summary>
    public static byte[] ToUtf8Line(DecisionRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            Write(writer, record);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The record as one line of JSON (without the line break).</summary>
    public static string ToLine(DecisionRecord record) => Encoding.UTF8.GetString(ToUtf8Line(record));

    /// <summary>Reads one line; never throws for any input.</summary>
    /// <returns>The record, or null and a one-line reason.</returns>
    public static (DecisionRecord? Record, string? Error) TryRead(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return DecisionRecordReader.Read(line);
    }

    /// <summary>
    /// Reads a JSON Lines stream one line at a time: every non-blank line, in order, as a record or an error. Lines
    /// longer than <see cref="MaxLineLength"/> are skipped unread (an error), so a stray huge line costs no more memory
    /// than the limit. The stream is read as UTF-8 and left open.
    /// </summary>
    public static IEnumerable<DecisionRecordLine> ReadLines(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadLinesIterator(stream);
    }

    private static IEnumerable<DecisionRecordLine> ReadLinesIterator(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        var number = 0L;
        var tooLong = false;
        var chunk = new char[16 * 1024];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = chunk[i];
                if (c != '\n')
                {
                    if (!tooLong && line.Length < MaxLineLength)
                    {
                        line.Append(c);
                    }
                    else
                    {
                        tooLong = true;
                        line.Clear();
                    }

                    continue;
                }

                number++;
                if (Finish(line, tooLong, number) is { } done)
                {
                    yield return done;
                }

                line.Clear();
                tooLong = false;
            }
        }

        if (line.Length > 0 || tooLong)
        {
            number++;
            if (Finish(line, tooLong, number) is { } last)
            {
                yield return last;
            }
        }
    }

    private static DecisionRecordLine? Finish(StringBuilder line, bool tooLong, long number)
    {
        if (tooLong)
        {
            return new DecisionRecordLine(number, null, $"the line is longer than {MaxLineLength} characters");
        }

        var text = line.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var (record, error) = DecisionRecordReader.Read(text);
        return new DecisionRecordLine(number, record, error);
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void NumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
