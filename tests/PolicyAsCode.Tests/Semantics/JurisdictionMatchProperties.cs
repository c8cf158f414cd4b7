using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Tests.Semantics;

/// <summary>
/// <see cref="JurisdictionMatch"/> matches by packed keys where it can; it must answer exactly as comparing every
/// jurisdiction with <see cref="StringComparison.OrdinalIgnoreCase"/> in order does, for codes in any case, codes that
/// fold onto ASCII from outside it, long codes and empty ones.
/// </summary>
public sealed class JurisdictionMatchProperties(ITestOutputHelper output)
{
    // Letters whose case maps onto ASCII in some culture (dotless i, long s, Kelvin sign, dotted I), which
    // OrdinalIgnoreCase does not fold onto ASCII, and two accented ones.
    internal static readonly Gen<char> Letter = Gen.Frequency(
        (20, Gen.Char['A', 'Z']),
        (10, Gen.Char['a', 'z']),
        (4, Gen.OneOf('-', '\r', '_', '0', '9', ' ', '\0', '\u007F')),
        (3, Gen.OneOf('\u0131', '\u017F', '\u212A', '\u0130', '\u00E9', '\u00C9')));

    internal static readonly Gen<string> Code = Gen.Frequency(
        (8, Letter.Array[1, 5].Select(c => new string(c))),
        (1, Letter.Array[6, 9].Select(c => new string(c))),
        (1, Gen.Const("")));

    // A code as a request might spell one of the list's: each character's case flipped at random, its bit 5 flipped
    // whatever it is ('-' becomes '\r': only letters fold), or a Unicode look-alike.
    internal static Gen<string> Respelled(string code) =>
        Gen.Int[0, 4].Array[code.Length].Select(choices => new string([.. code.Select((c, i) => choices[i] switch
        {
            0 => char.ToLowerInvariant(c),
            1 => char.ToUpperInvariant(c),
            2 => c switch { 'I' or 'i' => '\u0131', 'S' or 's' => '\u017F', 'K' or 'k' => '\u212A', 'E' or 'e' => '\u00C9', _ => c },
            3 => (char)(c ^ 0x20),
            _ => c,
        })]));

    [Fact]
    public void Matches_as_comparing_every_jurisdiction_ignoring_case_in_order()
    {
        long probes = 0, matched = 0, byText = 0;
        var cases =
            from list in Code.Array[0, 6]
            from probe in list.Length == 0 ? Code : Gen.Frequency((3, Gen.OneOf(list).SelectMany(Respelled)), (1, Code))
            select (list, probe);
        cases.Sample(
            c =>
            {
                var jurisdictions = ImmutableArray.Create(c.list);
                var expected = Array.FindIndex(c.list, j => string.Equals(j, c.probe, StringComparison.OrdinalIgnoreCase));
                Assert.Equal(expected, new JurisdictionMatch(jurisdictions).IndexOf(c.probe));
                Interlocked.Increment(ref probes);
                if (expected >= 0)
                {
                    Interlocked.Increment(ref matched);
                }

                if (c.probe.Any(ch => ch > 0x7F) || c.probe.Length is 0 or > 7)
                {
                    Interlocked.Increment(ref byText);
                }
            },
            iter: 200_000);
        output.WriteLine($"{probes} probes, {matched} matching a jurisdiction, {byText} that only text comparison can decide");
        Assert.True(matched > 50_000 && byText > 10_000);
    }

    [Theory]
    [InlineData("eu", 0)]
    [InlineData("Us-cA", 2)]
    [InlineData("US-CA ", -1)]
    [InlineData("", -1)]
    [InlineData("\u0131t", -1)] // dotless i: upper case I in Turkish, but no ASCII letter under OrdinalIgnoreCase
    [InlineData("\u212Aa", -1)] // the Kelvin sign: lower case k, but itself under OrdinalIgnoreCase
    public void Matches_codes_as_OrdinalIgnoreCase_does(string probe, int expected) =>
        Assert.Equal(expected, new JurisdictionMatch(["EU", "US", "US-CA", "IT", "KA"]).IndexOf(probe));
}
