using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Testing;

/// <summary>
/// Reads a JSON case file into a <see cref="CaseDocument"/>: one pass of <see cref="Utf8JsonReader"/> that builds the
/// tree and notes the line of every value. Comments are allowed (cases are written by hand); a property given twice is
/// a fault, since JSON would otherwise let the last one silently win.
/// </summary>
internal static class JsonCaseText
{
    public static CaseDocument Read(string file, ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new PolicyCaseException(file, 1, null, "the file is empty; a case file is an object with a \"cases\" array");
            }

            var root = Value(ref reader, "$", lines, newlines, file);
            if (reader.Read())
            {
                throw new PolicyCaseException(file, LineAt(newlines, reader.TokenStartIndex), null, "more than one JSON value; a case file is one object");
            }

            return new CaseDocument(file, root, lines);
        }
        catch (JsonException e)
        {
            throw new PolicyCaseException(file, (int)(e.LineNumber ?? 0) + 1, null, "malformed JSON: " + FirstSentence(e.Message));
        }
    }

    private static JsonNode? Value(ref Utf8JsonReader reader, string path, Dictionary<string, int> lines, List<long> newlines, string file)
    {
        lines[path] = LineAt(newlines, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var at = CaseDocument.Property(path, name);
                    if (obj.ContainsKey(name))
                    {
                        throw new PolicyCaseException(file, LineAt(newlines, reader.TokenStartIndex), null, at + ": given twice");
                    }

                    reader.Read();
                    obj[name] = Value(ref reader, at, lines, newlines, file);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Value(ref reader, CaseDocument.Item(path, array.Count), lines, newlines, file));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString()!);
            case JsonTokenType.Number:
                // Kept as written, so a preferences value reaches the preferences reader exactly as the file spells it.
                return JsonNode.Parse(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static int LineAt(List<long> newlines, long offset)
    {
        var index = newlines.BinarySearch(offset);
        return (index < 0 ? ~index : index) + 1;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
