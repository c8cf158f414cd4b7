using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Benchmarks.Workload;

/// <summary>Which 64 KiB preferences document the reader's cost is measured on.</summary>
public enum HostileDocument
{
    /// <summary>The baseline: plain, distinct, unknown ASCII names (<c>"k123":0</c>), each an error, so 32 are recorded and the rest only counted.</summary>
    PlainUnknownNames,

    /// <summary>5,461 escaped lone-surrogate names <c>"\ud800x"</c> (issue 19, point 13).</summary>
    LoneSurrogateNames,

    /// <summary>One set of escaped lone-surrogate flag names <c>["\ud800x", ...]</c>.</summary>
    LoneSurrogateFlags,

    /// <summary>One set of 9,360 unknown flag names <c>["nope", ...]</c>, each listing every Hazard in its message if recorded (point 14).</summary>
    BadFlagNames,

    /// <summary>One set of numbers <c>[1, ...]</c>: a wrong type per element.</summary>
    WrongTypesInASet,

    /// <summary>Unknown names whose values nest as deep as the limit allows (<c>"n":[[[]]]</c>), each skipped.</summary>
    DeepNesting,

    /// <summary>A dimension given again and again, every other time escaped (<c>"tone"</c>, <c>"\u0074one"</c>).</summary>
    DuplicateKeys,

    /// <summary>Escaped names of 1,020 bytes (<c>\u0061</c> × 170), each unescaped into a buffer longer than the stack's.</summary>
    LongEscapedNames,

    /// <summary>One member value of 64 KiB, all escapes, that must be unescaped whole to be matched.</summary>
    OneLongEscapedString,

    /// <summary>Unknown names of 100 characters of control characters and escape sequences (<c>\u001b[2J</c>), cut and escaped in each message.</summary>
    ControlCharacterNames,

    /// <summary>Unknown names of invalid UTF-8 (<c>0xFF 0xFE</c>), each shown as U+FFFD.</summary>
    InvalidUtf8Names,

    /// <summary>Bad flag names up to the end, then a trailing comma: a syntax error after the cap.</summary>
    ErrorsThenSyntaxError,
}

/// <summary>
/// The hostile preferences documents of the reader's cost test and benchmark: each as close to 64 KiB as its unit
/// allows, never over, so each is read in full. Shared by <c>tests/PolicyAsCode.Tests</c> (Json/) (allocation) and the
/// <c>PreferencesJsonHostile</c> benchmark (time and allocation).
/// </summary>
public static class HostileDocuments
{
    /// <summary>The size every document fills: the reader's default limit.</summary>
    public const int Size = 64 * 1024;

    /// <summary>Every document.</summary>
    public static IReadOnlyList<HostileDocument> All { get; } = Enum.GetValues<HostileDocument>();

    /// <summary>The document, UTF-8, at most <see cref="Size"/> bytes.</summary>
    public static byte[] Of(HostileDocument document) => document switch
    {
        HostileDocument.PlainUnknownNames => Members(i => Ascii($"\"k{i}\":0")),
        HostileDocument.LoneSurrogateNames => Members(_ => Ascii("\"\\ud800x\":0")),
        HostileDocument.LoneSurrogateFlags => Set("avoidHazards", _ => Ascii("\"\\ud800x\"")),
        HostileDocument.BadFlagNames => Set("avoidHazards", _ => Ascii("\"nope\"")),
        HostileDocument.WrongTypesInASet => Set("topics", _ => Ascii("1")),
        HostileDocument.DeepNesting => Members(_ => Ascii("\"n\":[[[]]]")),
        HostileDocument.DuplicateKeys => Members(i => Ascii(i % 2 == 0 ? "\"tone\":\"Neutral\"" : "\"\\u0074one\":\"Neutral\"")),
        HostileDocument.LongEscapedNames => Members(_ => Ascii("\"" + Repeat("\\u0061", 170) + "\":0")),
        HostileDocument.OneLongEscapedString => Ascii("{\"tone\":\"" + Repeat("\\u0061", (Size - 12) / 6) + "\"}"),
        HostileDocument.ControlCharacterNames => Members(_ => Ascii("\"" + Repeat("\\u001b[2J\\n", 10) + "\":0")),
        HostileDocument.InvalidUtf8Names => Members(_ => [(byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'0']),
        HostileDocument.ErrorsThenSyntaxError => Fill(Ascii("{\"avoidHazards\":["), _ => Ascii("\"nope\""), ",]}"u8), // a trailing comma
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    };

    // {member,member,...}: as many members as fit.
    private static byte[] Members(Func<int, byte[]> member) => Fill("{"u8, member, "}"u8);

    // {"name":[element,element,...]}: as many elements as fit.
    private static byte[] Set(string name, Func<int, byte[]> element) => Fill(Ascii($"{{\"{name}\":["), element, "]}"u8);

    private static byte[] Fill(ReadOnlySpan<byte> open, Func<int, byte[]> item, ReadOnlySpan<byte> close)
    {
        var bytes = new List<byte>(Size);
        bytes.AddRange(open);
        for (var i = 0; ; i++)
        {
            var next = item(i);
            if (bytes.Count + (i > 0 ? 1 : 0) + next.Length + close.Length > Size)
            {
                break;
            }

            if (i > 0)
            {
                bytes.Add((byte)',');
            }

            bytes.AddRange(next);
        }

        bytes.AddRange(close);
        return [.. bytes];
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
