using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// The registry data's JSON, appended part by part into one builder (<see cref="RegistryDataEmitter"/>): numbers and
/// masks as the runtime's reader reads them, text as escaped ASCII, with no string made for an item or a value.
/// </summary>
internal readonly struct JsonText(PooledText text)
{
    // Masks in upper case, as the runtime's reader and every earlier policy's data have them; escapes in lower case.
    private const string Hex = "0123456789ABCDEF";
    private const string EscapeHex = "0123456789abcdef";

    public JsonText Raw(string value)
    {
        text.Append(value);
        return this;
    }

    public JsonText Int(int value) => Long(value);

    public JsonText UInt(uint value) => Long(value);

    // Digits written in place; a negative number is formatted invariantly (PooledText.Append).
    public JsonText Long(long value)
    {
        text.Append(value);
        return this;
    }

    public JsonText IntOrNull(bool present, int value) => present ? Int(value) : Raw("null");

    public JsonText Bool(bool value) => Raw(value ? "true" : "false");

    /// <summary>A mask as a hex string, so no bit is lost to a reader's doubles.</summary>
    public JsonText Mask(ulong value)
    {
        text.Append("\"0x");
        var digits = 1;
        while (digits < 16 && value >> (4 * digits) != 0)
        {
            digits++;
        }

        for (var d = digits - 1; d >= 0; d--)
        {
            text.Append(Hex[(int)((value >> (4 * d)) & 0xF)]);
        }

        text.Append('"');
        return this;
    }

    /// <summary>A number as a number; the values JSON has no number for as strings.</summary>
    public JsonText Number(double value) =>
        double.IsNaN(value) ? Raw("\"NaN\"")
        : double.IsPositiveInfinity(value) ? Raw("\"Infinity\"")
        : double.IsNegativeInfinity(value) ? Raw("\"-Infinity\"")
        : Raw(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Numbers as numbers, members and sets as masks: the encoding the lattice keeps them in.</summary>
    public JsonText Value(DimensionKind kind, DimensionValue value) =>
        kind is DimensionKind.Integer or DimensionKind.Real ? Number(value.Number) : Mask(value.Bits);

    public JsonText Value(DimensionKind kind, DimensionValue? value) => value is { } some ? Value(kind, some) : Raw("null");

    public JsonText Bound(Bound b) => Raw("{\"kind\":\"").Name(b.Kind).Raw("\",\"lo\":").Number(b.Lo).Raw(",\"hi\":").Number(b.Hi)
        .Raw(",\"floor\":").Mask(b.Floor).Raw(",\"ceiling\":").Mask(b.Ceiling).Raw("}");

    /// <summary>Text as a JSON string of printable ASCII: quotes and backslashes escaped, everything else as <c>\uXXXX</c>.</summary>
    public JsonText Text(string? value)
    {
        if (value is null)
        {
            return Raw("null");
        }

        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                text.Append("\\u").Append(EscapeHex[(c >> 12) & 0xF]).Append(EscapeHex[(c >> 8) & 0xF])
                    .Append(EscapeHex[(c >> 4) & 0xF]).Append(EscapeHex[c & 0xF]);
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
        return this;
    }

    public JsonText Ints(IEnumerable<int> values) => Items(values, static (j, v) => j.Int(v));

    /// <summary><c>[a,b,…]</c>, each item appended by <paramref name="item"/>.</summary>
    public JsonText Items<T>(IEnumerable<T> items, Func<JsonText, T, JsonText> item)
    {
        text.Append('[');
        var first = true;
        foreach (var i in items)
        {
            if (!first)
            {
                text.Append(',');
            }

            item(this, i);
            first = false;
        }

        text.Append(']');
        return this;
    }

    /// <summary><c>,"name":[…]</c>: a named array of the registry's object.</summary>
    public JsonText Array<T>(string name, IEnumerable<T> items, Func<JsonText, T, JsonText> item) =>
        Raw(",\"").Raw(name).Raw("\":").Items(items, item);

    public override string ToString() => text.ToString();

    /// <summary>An enum member's name, as the runtime's reader parses it.</summary>
    public JsonText Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Raw(EnumNames<TEnum>.Of(value));

    // Formatted once per member rather than once per item: Enum.ToString allocates every time.
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly ConcurrentDictionary<TEnum, string> Names = new();

        public static string Of(TEnum value) => Names.GetOrAdd(value, static v => v.ToString());
    }
}
