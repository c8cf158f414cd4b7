using System;
using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The gate the generator adds to the QuickStart's record (<c>PolicyScope</c>, <c>Admits</c>, <c>Granted</c>) answers
/// every question as the resolution does: whether content is allowed, and what each dimension resolves to, for any
/// request in any context, including none at all; and its jurisdiction matching is OrdinalIgnoreCase exactly.
/// (<see cref="Differential"/> holds every compiled policy's <c>Admits</c> and <c>GrantedValues</c> to the same.)
/// </summary>
public sealed class GateTests(ITestOutputHelper output)
{
    private const long Cases = 100_000;

    [Fact]
    public void Admits_and_Granted_answer_as_the_resolution_does()
    {
        var requests = CaseGenerators.Cases(LearnerPreferences.Registry);
        long checkedCases = 0, admitted = 0, moved = 0;
        requests.Sample(
            c =>
            {
                var requested = c.Requested is null ? null : LearnerPreferences.Decode(c.Requested);
                var resolution = LearnerPreferences.Resolve(requested, c.Context);
                var scope = new LearnerPreferences.PolicyScope(c.Context);
                foreach (var detected in c.Detected)
                {
                    var allowed = LearnerPreferences.Decide(resolution, detected).IsAllowed;
                    Assert.Equal(allowed, LearnerPreferences.Admits(requested, scope, detected));
                    Assert.Equal(allowed, LearnerPreferences.Admits(requested, c.Context, detected));
                    Interlocked.Add(ref admitted, allowed ? 1 : 0);
                }

                var effective = resolution.Effective;
                Assert.Equal(effective.Maturity, LearnerPreferences.Granted.Maturity(requested, scope));
                Assert.Equal(effective.Tone, LearnerPreferences.Granted.Tone(requested, scope));
                Assert.Equal(effective.Verbosity, LearnerPreferences.Granted.Verbosity(requested, scope));
                Assert.Equal(effective.DiscloseAi, LearnerPreferences.Granted.DiscloseAi(requested, scope));
                Assert.Equal(effective.MemoryDays, LearnerPreferences.Granted.MemoryDays(requested, scope));
                Assert.Equal(effective.Creativity, LearnerPreferences.Granted.Creativity(requested, scope));
                Assert.Equal(effective.Topics, LearnerPreferences.Granted.Topics(requested, scope));
                Assert.Equal(effective.Language, LearnerPreferences.Granted.Language(requested, scope));
                Assert.Equal(effective.AvoidHazards, LearnerPreferences.Granted.AvoidHazards(requested, scope));
                Interlocked.Add(ref moved, resolution.IsAdjusted ? 1 : 0);
                Interlocked.Increment(ref checkedCases);
            },
            iter: Cases,
            print: c => c.ToString());

        output.WriteLine($"{checkedCases} requests, {moved} of them moved by resolving; {admitted} contents admitted");
        Assert.Equal(Cases, checkedCases);
        Assert.True(moved > Cases / 10 && moved < checkedCases, $"{moved} of {checkedCases} requests moved");
        Assert.True(admitted > 1_000, $"only {admitted} contents admitted");
    }

    [Theory]
    [InlineData("EU", 0)]
    [InlineData("eU", 0)]
    [InlineData("us-ca", 3)]
    [InlineData("Us-Ca", 3)]
    [InlineData("de", 2)]
    [InlineData("US\rCA", -1)] // '-' with bit 5 flipped: only letters fold
    [InlineData("US-CA ", -1)]
    [InlineData("US-C", -1)]
    [InlineData("\u0130T", -1)]
    [InlineData("\u00C9U", -1)] // É: folds onto no ASCII letter
    [InlineData("U\u017F", -1)] // long s: upper case S in some cultures, itself under OrdinalIgnoreCase
    [InlineData("BR", -1)]
    [InlineData("", -1)]
    [InlineData(null, -1)]
    [InlineData("E", -1)]
    [InlineData("EUROPE", -1)]
    public void The_jurisdiction_is_matched_as_OrdinalIgnoreCase_matches_it(string? jurisdiction, int expected)
    {
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        Assert.Equal(expected, Array.FindIndex([.. LearnerPreferences.Registry.Jurisdictions], j => string.Equals(j, jurisdiction, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(expected, LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In(jurisdiction)).Jurisdiction);
        Assert.Equal(expected, interpreter.Resolve(LearnerPreferences.Encode(new LearnerPreferences()), PolicyContext.In(jurisdiction), DimensionSet.Empty).Jurisdiction);
    }

    [Fact]
    public void Respelled_jurisdictions_are_matched_as_OrdinalIgnoreCase_matches_them()
    {
        var jurisdictions = LearnerPreferences.Registry.Jurisdictions.ToArray();
        var unit = Gen.Frequency(
            (6, Gen.Char['A', 'Z']),
            (6, Gen.Char['a', 'z']),
            (3, Gen.OneOf('-', '\r', '_', '0', ' ', '\0', '\u007F')),
            (2, Gen.OneOf('\u0131', '\u017F', '\u212A', '\u0130', '\u00E9', '\u00C9', '\uFF25')));
        var respelled = Gen.OneOf(jurisdictions).SelectMany(code => Gen.Int[0, 5].Array[code.Length].Select(choices => new string([.. code.Select((c, i) => choices[i] switch
        {
            0 => char.ToLowerInvariant(c),
            1 => char.ToUpperInvariant(c),
            2 => (char)(c ^ 0x20),
            3 => c switch { 'S' => '\u017F', 'E' => '\u00C9', 'A' => '\u00C0', _ => '\u0131' },
            _ => c,
        })])));
        var probes = Gen.Frequency((3, respelled), (1, unit.Array[0, 6].Select(c => new string(c))));
        long count = 0, matched = 0;
        probes.Sample(
            probe =>
            {
                var expected = Array.FindIndex(jurisdictions, j => string.Equals(j, probe, StringComparison.OrdinalIgnoreCase));
                Assert.Equal(expected, LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In(probe)).Jurisdiction);
                Interlocked.Increment(ref count);
                Interlocked.Add(ref matched, expected >= 0 ? 1 : 0);
            },
            iter: 100_000);
        output.WriteLine($"{count} probes, {matched} matching a jurisdiction");
        Assert.True(matched > 10_000 && count - matched > 10_000, $"{matched} of {count} probes matched");
    }
}
