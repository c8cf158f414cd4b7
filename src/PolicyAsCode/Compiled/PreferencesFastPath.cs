using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using PolicyAsCode.Json;

namespace PolicyAsCode.Compiled;

/// <summary>
/// The preferences reader's fast path: a strict, allocation-free scan of the common document (one object of known,
/// distinct, ASCII names without escapes; <c>true</c>/<c>false</c>, numbers, ASCII strings without escapes and arrays of
/// them, each in its dimension's domain). Anything else, however harmless, makes it give up, and the full reader
/// (<see cref="PreferencesJsonSupport.Read{TSchema, T}"/>) reads the document and reports its errors; so this path only
/// ever returns error-free results, and exactly the full reader's. Not meant for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SkipLocalsInit] // nothing here reads a local before writing it; Read's values are written by the scan for each dimension it marks given, and Build reads no other
public static class PreferencesFastPath
{
    /// <summary>Reads a preferences document: the scan when it succeeds, else the full reader. Never throws for any <paramref name="utf8"/>.</summary>
    public static PreferencesReadResult<T> Read<TSchema, T>(PolicyRegistry registry, ref TSchema schema, ReadOnlySpan<byte> utf8, PreferencesReaderOptions? options)
        where TSchema : struct, IPreferenceSchema<T>
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= PreferencesReaderOptions.Default;
        var count = registry.Dimensions.Length;
        if (options.FastPath && count <= 64)
        {
            Span<DimensionValue> values = stackalloc DimensionValue[count];
            if (TryScan(registry, ref schema, utf8, options.MaxBytes, values, out var given))
            {
                return new PreferencesReadResult<T>(schema.Build(values, new ReadOnlySpan<ulong>(in given)), DimensionSet.Empty, Array.Empty<PreferenceError>(), false);
            }
        }

        return PreferencesJsonSupport.Read<TSchema, T>(registry, ref schema, utf8, options);
    }

    /// <summary>
    /// Scans a document of the common shape: on success, <paramref name="values"/> holds each value the document gives (in
    /// dimension order, one slot per dimension) and bit <c>d</c> of <paramref name="given"/> marks dimension <c>d</c> given;
    /// on anything else, false. Slots of dimensions not given are left as they were.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // it inlines Value; kept apart, Read keeps the budget to inline Build, whose defaults record then lives on the stack
    internal static bool TryScan<TNames>(PolicyRegistry registry, ref TNames names, ReadOnlySpan<byte> utf8, int maxBytes, Span<DimensionValue> values, out ulong given)
        where TNames : struct, IPreferenceNames
    {
        ArgumentNullException.ThrowIfNull(registry);
        given = 0;
        var seen = 0UL; // kept in a register; given is written once, at the end
        var dimensions = registry.Dimensions;
        if (utf8.Length > maxBytes || dimensions.Length > 64 || values.Length < dimensions.Length)
        {
            return false;
        }

        var i = Blank(utf8, 0);
        if (i >= utf8.Length || utf8[i] != '{')
        {
            return false;
        }

        i = Blank(utf8, i + 1);
        if (i < utf8.Length && utf8[i] == '}')
        {
            return Blank(utf8, i + 1) == utf8.Length;
        }

        // Each step returns the position after what it read, or −1; so i stays in a register, never behind a ref.
        while (true)
        {
            i = Quoted(utf8, i, ref names, -1, out var d);
            if (i < 0 || d < 0 || d >= dimensions.Length || ((seen >> d) & 1UL) != 0)
            {
                return false;
            }

            i = Blank(utf8, i);
            if (i >= utf8.Length || utf8[i] != ':')
            {
                return false;
            }

            i = Value(dimensions[d], d, ref names, utf8, Blank(utf8, i + 1), out values[d]);
            if (i < 0)
            {
                return false;
            }

            seen |= 1UL << d;
            i = Blank(utf8, i);
            if (i >= utf8.Length)
            {
                return false;
            }

            if (utf8[i] == '}')
            {
                var ended = Blank(utf8, i + 1) == utf8.Length;
                given = ended ? seen : 0;
                return ended;
            }

            if (utf8[i] != ',')
            {
                return false;
            }

            i = Blank(utf8, i + 1);
        }
    }

    // The position after the value of dimension d at i, or −1 when it is not one the scan reads.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Value<TNames>(DimensionInfo dimension, int d, ref TNames names, ReadOnlySpan<byte> utf8, int i, out DimensionValue value)
        where TNames : struct, IPreferenceNames
    {
        value = default;
        if (i >= utf8.Length)
        {
            return -1;
        }

        var rest = utf8[i..];
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean when rest.StartsWith("true"u8):
                value = DimensionValue.OfPosition(1);
                return i + 4;
            case DimensionKind.Boolean when rest.StartsWith("false"u8):
                value = DimensionValue.OfPosition(0);
                return i + 5;
            case DimensionKind.Integer:
            {
                // Exactly Utf8JsonReader.TryGetInt32, on a number without fraction or exponent.
                var length = Number(rest, out var integral);
                if (length == 0 || !integral || !Integer(rest[..length], out var integer))
                {
                    return -1;
                }

                value = DimensionValue.OfNumber(integer);
                return i + length;
            }

            case DimensionKind.Real:
            {
                // Exactly Utf8JsonReader.TryGetDouble (the same parser and format) and the full reader's finiteness check.
                var length = Number(rest, out _);
                var text = rest[..length];
                if (length == 0 || !(Short(text, out var real) || Parse(text, out real)))
                {
                    return -1;
                }

                value = DimensionValue.OfNumber(real);
                return i + length;
            }

            case DimensionKind.Ordinal or DimensionKind.Choice:
            {
                i = Quoted(utf8, i, ref names, d, out var member);
                if (i < 0 || member < 0)
                {
                    return -1;
                }

                value = DimensionValue.OfPosition(member);
                return i;
            }

            case DimensionKind.Set when rest[0] == '[':
                return Set(dimension, d, ref names, utf8, i, out value);
            default:
                return -1;
        }
    }

    private static int Set<TNames>(DimensionInfo dimension, int d, ref TNames names, ReadOnlySpan<byte> utf8, int i, out DimensionValue value)
        where TNames : struct, IPreferenceNames
    {
        value = default;
        var flags = dimension.MemberValues;
        var mask = 0UL;
        var listed = 0UL;
        i = Blank(utf8, i + 1);
        if (i < utf8.Length && utf8[i] == ']')
        {
            value = DimensionValue.OfMask(0);
            return i + 1;
        }

        while (true)
        {
            i = Quoted(utf8, i, ref names, d, out var member);
            if (i < 0 || member is < 0 or >= 64 || ((listed >> member) & 1UL) != 0)
            {
                return -1;
            }

            listed |= 1UL << member;
            mask |= unchecked((ulong)flags[member]);
            i = Blank(utf8, i);
            if (i >= utf8.Length)
            {
                return -1;
            }

            if (utf8[i] == ']')
            {
                value = DimensionValue.OfMask(mask);
                return i + 1;
            }

            if (utf8[i] != ',')
            {
                return -1;
            }

            i = Blank(utf8, i + 1);
        }
    }

    // Exactly Utf8JsonReader.TryGetInt32 on an integral JSON number: at most 9 characters (so at most 9 digits, which
    // always fit) summed directly, longer ones by the same Utf8Parser call. "-0" is 0 either way.
    private static bool Integer(ReadOnlySpan<byte> text, out int integer)
    {
        if (text.Length > 9)
        {
            return Utf8Parser.TryParse(text, out integer, out var consumed) && consumed == text.Length;
        }

        var negative = text[0] == '-';
        var sum = 0;
        foreach (var b in negative ? text[1..] : text)
        {
            sum = (sum * 10) + (b - '0');
        }

        integer = negative ? -sum : sum;
        return true;
    }

    // Utf8JsonReader.TryGetDouble's parse ('e' format when the number has an exponent) and the full reader's finiteness check.
    private static bool Parse(ReadOnlySpan<byte> text, out double real) =>
        Utf8Parser.TryParse(text, out real, out var consumed, text.IndexOfAny((byte)'e', (byte)'E') >= 0 ? 'e' : default)
        && consumed == text.Length && double.IsFinite(real);

    private static ReadOnlySpan<double> PowersOfTen => [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    // A number of at most 15 digits and no exponent, e.g. 0.75: its digits as an integer and its power of ten are both
    // exact doubles, so one (correctly rounded) division gives the correctly rounded value, which is what the parser
    // gives too (Clinger's fast path). The sign is applied last, so "-0.0" is negative zero, as parsed.
    private static bool Short(ReadOnlySpan<byte> text, out double real)
    {
        real = 0;
        var negative = text[0] == '-';
        var mantissa = 0L;
        var digits = 0;
        var scale = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '.')
            {
                scale = 0;
                continue;
            }

            if (!char.IsAsciiDigit((char)b) || ++digits > 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (b - '0');
            scale += scale >= 0 ? 1 : 0;
        }

        real = mantissa / PowersOfTen[Math.Max(scale, 0)];
        real = negative ? -real : real;
        return true;
    }

    // 1 for each byte a string may hold as itself: printable ASCII (0x20 to 0x7E) but the quote and the backslash.
    private static ReadOnlySpan<byte> Plain =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    // The position after the string at i, or −1 for no string (or one the scan does not read); match is the name (d < 0)
    // or the member of dimension d that the string is, or −1 when none is.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Quoted<TNames>(ReadOnlySpan<byte> utf8, int i, ref TNames names, int d, out int match)
        where TNames : struct, IPreferenceNames
    {
        match = -1;
        if (i >= utf8.Length || utf8[i] != '"')
        {
            return -1;
        }

        var rest = utf8[(i + 1)..];
        match = d < 0 ? names.MatchQuotedProperty(rest, out var length) : names.MatchQuotedMember(d, rest, out length);
        if (match >= 0)
        {
            return i + length + 1;
        }

        // Printable ASCII only, up to the closing quote: no escape, no control character, no byte of 0x7F or more.
        var end = 0;
        while (end < rest.Length && Plain[rest[end]] != 0)
        {
            end++;
        }

        if (end >= rest.Length || rest[end] != '"')
        {
            return -1;
        }

        var text = rest[..end];
        match = d < 0 ? names.MatchProperty(text) : names.MatchMember(d, text);
        return i + end + 2;
    }

    // The length of the JSON number at the start of text (strict RFC 8259 grammar), or 0; integral when it has no fraction or exponent.
    private static int Number(ReadOnlySpan<byte> text, out bool integral)
    {
        integral = true;
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit((char)text[i]))
        {
            return 0;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = Digits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            integral = false;
            var start = i + 1;
            i = Digits(text, start);
            if (i == start)
            {
                return 0;
            }
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            integral = false;
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var start = i;
            i = Digits(text, start);
            if (i == start)
            {
                return 0;
            }
        }

        // A number runs into no letter, digit or dot: "01", "1.5.2" and "1x" are not numbers; "1," and "1}" are.
        return i < text.Length && (char.IsAsciiLetterOrDigit((char)text[i]) || text[i] is (byte)'.' or (byte)'+' or (byte)'-') ? 0 : i;
    }

    private static int Digits(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }

        return i;
    }

    // The index of the first byte at or after i that is not JSON white space. Every white-space byte is at most ' ', so
    // one comparison settles the usual case, a compact document's next token.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Blank(ReadOnlySpan<byte> utf8, int i)
    {
        if ((uint)i < (uint)utf8.Length && utf8[i] > (byte)' ')
        {
            return i;
        }

        while (i < utf8.Length && utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }
}
