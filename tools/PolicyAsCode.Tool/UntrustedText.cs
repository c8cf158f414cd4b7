using System.Globalization;
using System.Text;

namespace PolicyAsCode.Tool;

/// <summary>
/// The one place pac makes text it did not write safe to print: names and values from a preferences or context file,
/// file names, messages of the library and of exceptions, and names from the policy assembly (which may come from an
/// untrusted build). A terminal acts on control characters (<c>ESC [2J</c> clears the screen), a line break forges a row
/// of a table or a second line of an error, and bidirectional controls reorder what is shown; each such character is
/// printed as a JSON-style escape instead (<c>\n</c>, <c>\u001b</c>). Backslashes are left as they are, so a message
/// the library already escaped is not escaped twice: the printed form is for reading, not for parsing back.
/// </summary>
internal static class UntrustedText
{
    /// <summary>
    /// <paramref name="text"/> with every control character, line or paragraph separator, bidirectional control and
    /// unpaired surrogate escaped; the same string when there is none (the common case allocates nothing).
    /// </summary>
    public static string Escape(string? text) => Escape(text, keepLineFeeds: false);

    /// <summary>
    /// As <see cref="Escape(string?)"/>, but line feeds are kept: for whole documents pac prints (a card, a schema), whose
    /// lines are their own.
    /// </summary>
    public static string EscapeKeepingLines(string? text) => Escape(text, keepLineFeeds: true);

    private static string Escape(string? text, bool keepLineFeeds)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = FirstUnsafe(text, 0, keepLineFeeds);
        if (first < 0)
        {
            return text;
        }

        var b = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append(c).Append(text[++i]);
            }
            else if (!IsUnsafe(text, i, keepLineFeeds))
            {
                b.Append(c);
            }
            else
            {
                _ = c switch
                {
                    '\n' => b.Append("\\n"),
                    '\r' => b.Append("\\r"),
                    '\t' => b.Append("\\t"),
                    _ => b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                };
            }
        }

        return b.ToString();
    }

    private static int FirstUnsafe(string text, int start, bool keepLineFeeds)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (IsUnsafe(text, i, keepLineFeeds))
            {
                return i;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;   // a pair (checked by IsUnsafe) is printable as is
            }
        }

        return -1;
    }

    private static bool IsUnsafe(string text, int i, bool keepLineFeeds)
    {
        var c = text[i];
        if (c == '\n')
        {
            return !keepLineFeeds;
        }

        // A pair of surrogates is one printable character; anything else the runtime's reader calls unsafe is escaped.
        return c switch
        {
            _ when char.IsHighSurrogate(c) => i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]),
            _ => PolicyAsCode.Json.UntrustedText.IsUnsafe(c),
        };
    }
}
