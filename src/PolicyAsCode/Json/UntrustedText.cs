using System;
using System.Text;

namespace PolicyAsCode.Json;

/// <summary>
/// Untrusted text made safe to put in a message or a path that reaches a terminal or a log: every character a terminal,
/// a log viewer or an editor acts on rather than shows is written as <c>\uXXXX</c>, so a document cannot clear a screen,
/// colour a line, forge a line of output or reorder what is shown around it.
/// </summary>
internal static class UntrustedText
{
    private const string Hex = "0123456789abcdef";

    /// <summary>
    /// Appends <paramref name="text"/> with every unsafe character escaped as <c>\uXXXX</c> (lower-case hex); when
    /// <paramref name="quote"/> is not NUL, that quote and <c>\</c> are escaped by <c>\</c> too, so the quoted text ends
    /// only where the quote closes it. Stops before the character that would make the appended text longer than
    /// <paramref name="maxLength"/> (an escape is never split), and then returns false.
    /// </summary>
    public static bool Append(StringBuilder builder, ReadOnlySpan<char> text, char quote, int maxLength = int.MaxValue)
    {
        var budget = maxLength;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if ((budget -= 2) < 0)
                {
                    return false;
                }

                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (quote != '\0' && (c == quote || c == '\\'))
            {
                if ((budget -= 2) < 0)
                {
                    return false;
                }

                builder.Append('\\').Append(c);
            }
            else if (IsUnsafe(c))
            {
                if ((budget -= 6) < 0)
                {
                    return false;
                }

                builder.Append("\\u").Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
            }
            else
            {
                if (--budget < 0)
                {
                    return false;
                }

                builder.Append(c);
            }
        }

        return true;
    }

    /// <summary><paramref name="text"/> with every unsafe character escaped, nothing else changed (for text that is not quoted, such as a parser's message).</summary>
    public static string Escape(string text)
    {
        if (!ContainsUnsafe(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text, '\0');
        return builder.ToString();
    }

    private static bool ContainsUnsafe(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a character is one a terminal or viewer acts on: C0 and C1 controls and DEL (escape sequences, line
    /// breaks, CSI), the Unicode line and paragraph separators, the bidirectional controls that reorder what is shown
    /// (Trojan Source), and a surrogate not in a pair (no character at all; checked by the caller, which sees pairs).
    /// </summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
