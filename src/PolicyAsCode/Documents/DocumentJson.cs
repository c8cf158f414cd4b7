using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Documents;

/// <summary>
/// How the documents of a policy are written as JSON: indented with two spaces, <c>"\n"</c> line endings, a final
/// newline, and only the characters JSON requires escaped (the text is for people and files, not for HTML), so
/// the same policy always gives the same bytes on every machine.
/// </summary>
internal static class DocumentJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string Write(JsonNode node) => Write(writer => node.WriteTo(writer));

    /// <summary>An array of strings, for the documents built as nodes.</summary>
    public static JsonArray Strings(System.Collections.Generic.IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)JsonValue.Create(value));
        }

        return array;
    }
}
