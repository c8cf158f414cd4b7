using System;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// Finds a request's jurisdiction among a policy's, ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// does. Jurisdiction codes are short ASCII ("EU", "US-CA"), so where every one is, each is kept as a key (its
/// characters folded to upper case, a byte apiece, and its length) and a request's code is matched by one key and a few
/// integer compares instead of a text comparison per jurisdiction; any other code is compared as text.
/// </summary>
internal sealed class JurisdictionMatch
{
    // Seven bytes of characters and one of length.
    private const int MaxKeyLength = 7;

    private readonly ImmutableArray<string> _jurisdictions;

    // Per jurisdiction its key, in order; null when some jurisdiction is not short ASCII (then every match is by text).
    private readonly ulong[]? _keys;

    public JurisdictionMatch(ImmutableArray<string> jurisdictions)
    {
        _jurisdictions = jurisdictions;
        var keys = new ulong[jurisdictions.Length];
        for (var j = 0; j < keys.Length; j++)
        {
            keys[j] = Key(jurisdictions[j]);
            if (keys[j] == 0)
            {
                return;
            }
        }

        _keys = keys;
    }

    /// <summary>The index of the first jurisdiction equal to <paramref name="jurisdiction"/> ignoring case, or -1.</summary>
    public int IndexOf(string jurisdiction)
    {
        // For two ASCII strings, equal ignoring case is equal once folded, and no character outside ASCII equals one
        // inside it ignoring case; a code that is not short ASCII is still compared as text, which is always exact.
        if (_keys is { } keys && Key(jurisdiction) is var key && key != 0)
        {
            for (var j = 0; j < keys.Length; j++)
            {
                if (keys[j] == key)
                {
                    return j;
                }
            }

            return -1;
        }

        return PolicyShape.IndexIgnoringCase(_jurisdictions, jurisdiction);
    }

    /// <summary>
    /// Whether <paramref name="c"/> is an ASCII letter: the only characters that equal another one ignoring case (its
    /// other case, bit 5 apart) among ASCII, and no character outside ASCII equals one inside it ignoring case. The
    /// generated evaluator's word match (<c>JurisdictionKeys</c>) folds by the same rule.
    /// </summary>
    internal static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>Whether every character of a code is ASCII (a code with one outside ASCII is compared as text).</summary>
    internal static bool IsAscii(string code)
    {
        foreach (var c in code)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    // The code's key, or 0 when it is empty, longer than MaxKeyLength or holds a character outside ASCII.
    private static ulong Key(string code)
    {
        if (code.Length is 0 or > MaxKeyLength)
        {
            return 0;
        }

        if (!IsAscii(code))
        {
            return 0;
        }

        var key = (ulong)code.Length << (8 * MaxKeyLength);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];

            key |= (ulong)(IsAsciiLetter(c) ? c & ~0x20 : c) << (8 * i);
        }

        return key;
    }
}
