using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Json;

/// <summary>
/// The wording of the preferences reader's errors: paths, quoted document text and the lists of names a value may
/// take. Everything taken from the document is cut and escaped (<see cref="UntrustedText"/>), and everything taken from
/// the policy is built once per dimension, so one recorded error costs its path and message strings and no more.
/// </summary>
internal static class PreferenceErrorText
{
    /// <summary>
    /// How many characters of a name or value from the document are shown, escapes included; longer text is cut and
    /// followed by <c>…</c>. So however hostile, a quoted text costs no more than a plain 64-character name.
    /// </summary>
    public const int MaxQuotedLength = 64;

    // A list of names longer than this is cut (", … and 12 more"), so a message stays a short sentence however many
    // members a dimension has (the schema lists them all).
    private const int MaxListLength = 120;

    private static readonly ConditionalWeakTable<DimensionInfo, string> Names = [];

    /// <summary>
    /// Appends a JSONPath-style path to a property of the root and, from 0, an element of its array. A name that is not
    /// plain is quoted, with <c>'</c>, <c>\</c> and every character <see cref="UntrustedText"/> deems unsafe escaped.
    /// </summary>
    /// <param name="path">Where to append.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="cut">Whether <paramref name="name"/> was cut from a longer name (<see cref="TextOf"/>).</param>
    /// <param name="index">The element's index, or −1.</param>
    /// <param name="maxLength">How long the shown name may be: <see cref="MaxQuotedLength"/> for a name from the document, more for a dimension's.</param>
    public static StringBuilder AppendPath(StringBuilder path, ReadOnlySpan<char> name, bool cut, int index, int maxLength = MaxQuotedLength)
    {
        path.Append('$');
        if (!cut && IsPlain(name))
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['");
            AppendCut(path, name, '\'', cut, maxLength);
            path.Append("']");
        }

        return AppendIndex(path, index);
    }

    /// <summary>Appends <c>[index]</c> when <paramref name="index"/> is 0 or more.</summary>
    public static StringBuilder AppendIndex(StringBuilder text, int index) =>
        index >= 0 ? text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']') : text;

    /// <summary>Appends document text between double quotes, escaped and cut (<see cref="UntrustedText.Append"/>).</summary>
    public static StringBuilder AppendQuoted(StringBuilder text, ReadOnlySpan<char> quoted, bool cut = false)
    {
        text.Append('"');
        AppendCut(text, quoted, '"', cut, MaxQuotedLength);
        return text.Append('"');
    }

    private static void AppendCut(StringBuilder text, ReadOnlySpan<char> quoted, char quote, bool cut, int maxLength)
    {
        if (!UntrustedText.Append(text, quoted, quote, maxLength) || cut)
        {
            text.Append('…');
        }
    }

    /// <summary>
    /// A string or property name (its raw bytes, and whether they hold escapes), unescaped into
    /// <paramref name="buffer"/>: at most its length in characters, <paramref name="cut"/> when there were more. Invalid
    /// UTF-8 shows as U+FFFD, an escaped lone surrogate as itself (and so, once escaped for display, as the escape it was
    /// written as). Never throws, and reads no further than it shows.
    /// </summary>
    public static ReadOnlySpan<char> TextOf(ReadOnlySpan<byte> raw, bool escaped, Span<char> buffer, out bool cut) =>
        buffer[..JsonStringText.Decode(raw, escaped, buffer, out cut)];

    /// <summary>
    /// The names a value of <paramref name="dimension"/> may take, quoted and separated by commas (for a set, its flags:
    /// <c>None</c> is none), cut after a few hundred characters; made once per dimension.
    /// </summary>
    public static string NamesOf(DimensionInfo dimension) => Names.GetValue(dimension, static d => List(d));

    private static string List(DimensionInfo dimension)
    {
        var names = dimension.Kind == DimensionKind.Set ? PreferenceFlags.Within(dimension, ulong.MaxValue) : [.. dimension.Members];
        var list = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (list.Length > MaxListLength)
            {
                return list.Append(", … and ").Append((names.Count - i).ToString(CultureInfo.InvariantCulture)).Append(" more").ToString();
            }

            AppendQuoted(i == 0 ? list : list.Append(", "), names[i]);
        }

        return list.ToString();
    }

    /// <summary>What a dimension of <paramref name="kind"/> takes, for a message.</summary>
    public static string Expected(DimensionKind kind) => kind switch
    {
        DimensionKind.Boolean => "true or false",
        DimensionKind.Integer => "a whole number",
        DimensionKind.Real => "a number",
        DimensionKind.Set => "an array of flag names",
        _ => "a string",
    };

    /// <summary>A JSON token, for a message.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a " + token.ToString(),
    };

    private static bool IsPlain(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
