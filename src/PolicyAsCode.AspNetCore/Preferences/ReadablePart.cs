using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.AspNetCore;

// What is stored of a document the reader accepted: the dimensions it set and could read, written back in the
// canonical wire form. Dimensions it left out stay out, so they keep following the policy's defaults; a value that
// did not read is never replaced by a default the user did not choose.
internal static class ReadablePart
{
    public static string Of<TPreferences>(ReadOnlySpan<byte> document, TPreferences requested, DimensionSet unreadable)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        var registry = TPreferences.Registry;
        var present = Present(document);
        var values = TPreferences.Encode(requested);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var dimension in registry.Dimensions)
            {
                var name = PreferenceNames.JsonName(dimension.Name);
                if (present.Contains(name) && !unreadable.Contains(dimension.Index))
                {
                    writer.WritePropertyName(name);
                    PreferencesJson.WriteValue(writer, dimension, values[dimension.Index]);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The top-level property names of a document the reader has already bounded in size; what follows a syntax
    // error is not looked at (the reader has marked those dimensions unreadable).
    private static HashSet<string> Present(ReadOnlySpan<byte> document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names.Add(reader.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // A name that cannot be unescaped (a lone surrogate); the reader reported it.
        }

        return names;
    }
}
