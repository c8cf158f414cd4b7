using System;
using System.Text;

namespace PolicyAsCode.Json;

/// <summary>
/// The text of a JSON string token, from its raw bytes as <c>Utf8JsonReader.ValueSpan</c> gives them, without ever
/// throwing: <c>Utf8JsonReader.CopyString</c> and <c>GetString</c> throw for an escaped lone surrogate (and for invalid
/// UTF-8), and a first-chance exception per hostile name would make the reader's cost grow with the document.
/// </summary>
internal static class JsonStringText
{
    /// <summary>
    /// Unescapes <paramref name="raw"/> (a string's bytes between its quotes, escapes included) into UTF-8 in
    /// <paramref name="destination"/>, at least as long as <paramref name="raw"/> (unescaped text is never longer).
    /// False for an escape of a lone surrogate, which no UTF-8 text holds and so no name can match; invalid UTF-8 is
    /// copied as it is, so it matches no name either.
    /// </summary>
    public static bool TryUnescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        written = 0;
        var i = 0;
        while (true)
        {
            var slash = raw[i..].IndexOf((byte)'\\');
            var run = slash < 0 ? raw.Length - i : slash;
            raw.Slice(i, run).CopyTo(destination[written..]);
            written += run;
            i += run;
            if (slash < 0)
            {
                return true;
            }

            if (!TryEscape(raw, ref i, out var unit))
            {
                return false;
            }

            var scalar = (int)unit;
            if (char.IsHighSurrogate(unit))
            {
                if (!TryEscape(raw, ref i, out var low) || !char.IsLowSurrogate(low))
                {
                    return false;
                }

                scalar = char.ConvertToUtf32(unit, low);
            }
            else if (char.IsLowSurrogate(unit))
            {
                return false;
            }

            written += new Rune(scalar).EncodeToUtf8(destination[written..]);
        }
    }

    /// <summary>
    /// Decodes <paramref name="raw"/> for display into <paramref name="destination"/>, stopping when it is full; sets
    /// <paramref name="cut"/> when text was left over. Invalid UTF-8 becomes U+FFFD; an escaped lone surrogate stays a
    /// lone surrogate (so <see cref="UntrustedText"/> writes it as the escape it was). A surrogate pair is never split.
    /// Reads at most a few bytes per character written, however long the string.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> raw, bool escaped, Span<char> destination, out bool cut)
    {
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (escaped && raw[i] == '\\')
            {
                var at = i;
                if (written < destination.Length && TryEscape(raw, ref i, out var unit))
                {
                    destination[written++] = unit;
                    continue;
                }

                i = at;
                if (written < destination.Length)
                {
                    // Never for text the reader accepted; shown as written rather than thrown.
                    destination[written++] = '\\';
                    i++;
                    continue;
                }
            }
            else
            {
                Rune.DecodeFromUtf8(raw[i..], out var rune, out var consumed);
                if (rune.Utf16SequenceLength <= destination.Length - written)
                {
                    written += rune.EncodeToUtf16(destination[written..]);
                    i += consumed;
                    continue;
                }
            }

            break;
        }

        cut = i < raw.Length;
        if (cut && written > 0 && char.IsHighSurrogate(destination[written - 1]))
        {
            written--; // the low half did not fit: cut before the pair
        }

        return written;
    }

    // Reads the escape at raw[i] (a backslash), moving i past it: one UTF-16 unit.
    private static bool TryEscape(ReadOnlySpan<byte> raw, ref int i, out char unit)
    {
        unit = '\0';
        if (i + 1 >= raw.Length || raw[i] != '\\')
        {
            return false;
        }

        switch (raw[i + 1])
        {
            case (byte)'"': unit = '"'; break;
            case (byte)'\\': unit = '\\'; break;
            case (byte)'/': unit = '/'; break;
            case (byte)'b': unit = '\b'; break;
            case (byte)'f': unit = '\f'; break;
            case (byte)'n': unit = '\n'; break;
            case (byte)'r': unit = '\r'; break;
            case (byte)'t': unit = '\t'; break;
            case (byte)'u' when i + 6 <= raw.Length && TryHex(raw.Slice(i + 2, 4), out var value):
                unit = (char)value;
                i += 6;
                return true;
            default:
                return false;
        }

        i += 2;
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
