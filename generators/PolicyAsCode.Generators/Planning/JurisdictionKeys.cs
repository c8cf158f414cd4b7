using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// How the generated evaluator matches a request's jurisdiction without a jump per candidate: codes of one length are
/// read as whole words (four characters to a <c>ulong</c>, then two to a <c>uint</c>, then one to a <c>ushort</c>)
/// and each candidate is one compare per word, <c>(word | letters) == folded</c>, where <c>letters</c> sets bit 5 of
/// every character that is an ASCII letter in the candidate and <c>folded</c> is the candidate in lower case. For any
/// UTF-16 unit c and ASCII letter l, <c>(c | 0x20) == l</c> holds exactly when c is l or its upper case, and no unit
/// outside ASCII equals one inside it ignoring case, so this is <see cref="System.StringComparison.OrdinalIgnoreCase"/>
/// exactly: the rule of the runtime's <see cref="JurisdictionMatch"/> (<see cref="JurisdictionMatch.IsAsciiLetter"/>), which
/// the reference interpreter matches by. Null when some code is not ASCII or is longer
/// than <see cref="MaxLength"/>: then the evaluator compares text.
/// </summary>
internal sealed class JurisdictionKeys
{
    /// <summary>The longest code matched by words.</summary>
    public const int MaxLength = 16;

    private JurisdictionKeys(IReadOnlyList<JurisdictionLength> lengths) => Lengths = lengths;

    /// <summary>The codes grouped by length, shortest first.</summary>
    public IReadOnlyList<JurisdictionLength> Lengths { get; }

    public static JurisdictionKeys? Plan(EquatableArray<string> jurisdictions)
    {
        if (jurisdictions.Any(j => j.Length is 0 or > MaxLength || !JurisdictionMatch.IsAscii(j)))
        {
            return null;
        }

        var lengths = Enumerable.Range(0, jurisdictions.Count)
            .GroupBy(j => jurisdictions[j].Length)
            .OrderBy(g => g.Key)
            .Select(g => new JurisdictionLength(g.Key, Words(g.Key), g.Select(j => new JurisdictionKey(j, Key(jurisdictions[j]))).ToList()))
            .ToList();
        return new JurisdictionKeys(lengths);
    }

    /// <summary>The words a code of <paramref name="length"/> characters is read as: each its first character and width in characters.</summary>
    public static IReadOnlyList<(int Start, int Width)> Words(int length)
    {
        var words = new List<(int, int)>();
        var start = 0;
        foreach (var width in new[] { 4, 2, 1 })
        {
            while (length - start >= width)
            {
                words.Add((start, width));
                start += width;
            }
        }

        return words;
    }

    private static List<(ulong Letters, ulong Folded)> Key(string code) =>
        Words(code.Length).Select(w =>
        {
            ulong letters = 0, folded = 0;
            for (var i = 0; i < w.Width; i++)
            {
                var c = code[w.Start + i];
                var letter = JurisdictionMatch.IsAsciiLetter(c);
                letters |= (letter ? 0x20UL : 0UL) << (16 * i);
                folded |= (ulong)(letter ? c | 0x20 : c) << (16 * i);
            }

            return (letters, folded);
        }).ToList();
}

/// <summary>The codes of one length: how a request of that length is read, and each code's index and key.</summary>
internal sealed record JurisdictionLength(int Length, IReadOnlyList<(int Start, int Width)> Words, IReadOnlyList<JurisdictionKey> Codes);

/// <summary>One code: its index among the policy's jurisdictions and, per word, its letter bits and folded characters.</summary>
internal sealed record JurisdictionKey(int Index, IReadOnlyList<(ulong Letters, ulong Folded)> Words);
