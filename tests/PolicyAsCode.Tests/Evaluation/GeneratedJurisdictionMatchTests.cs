using System;
using System.Linq;
using System.Threading;
using CsCheck;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.Tests.Semantics;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The generated evaluator matches a request's jurisdiction as <see cref="StringComparison.OrdinalIgnoreCase"/> does,
/// and as the interpreter does: by whole words where every code is short ASCII (the QuickStart), by text where one is
/// not (a compiled policy with a code outside ASCII and one longer than sixteen characters).
/// </summary>
public sealed class GeneratedJurisdictionMatchTests(ITestOutputHelper output)
{
    private const string TextMatchedSource = """
        using PolicyAsCode;

        namespace TextMatched
        {
            public enum Maturity { General, Teen, Mature }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }
            }

            [ImmutableTier("D\u00C9", Within = [typeof(EuLaw)])]
            public partial record DeLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [ImmutableTier("EU-SUPRANATIONAL1")]
            public partial record LongLaw
            {
                [AtMost(Maturity.General, When = Fact.Minor)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(DeLaw), typeof(LongLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; } = Maturity.Mature;
            }
        }
        """;

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
    public void The_QuickStart_matches_a_jurisdiction_as_OrdinalIgnoreCase_does(string? jurisdiction, int expected)
    {
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        Assert.Equal(expected, Array.FindIndex([.. LearnerPreferences.Registry.Jurisdictions], j => string.Equals(j, jurisdiction, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(expected, LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In(jurisdiction)).Jurisdiction);
        Assert.Equal(expected, interpreter.Resolve(LearnerPreferences.Encode(new LearnerPreferences()), PolicyContext.In(jurisdiction), DimensionSet.Empty).Jurisdiction);
    }

    [Fact]
    public void The_QuickStart_matches_respelled_jurisdictions_as_OrdinalIgnoreCase_does()
    {
        var (count, matched) = ProbeRespelled<LearnerPreferences>(100_000);
        output.WriteLine($"QuickStart: {count} probes, {matched} matching a jurisdiction");
        Assert.True(matched > 10_000 && count - matched > 10_000, $"{matched} of {count} probes matched");
    }

    [Fact]
    public void A_policy_with_a_code_outside_ASCII_or_a_long_one_matches_every_code_as_text()
    {
        using var compiled = PolicyCompiler.Compile("TextMatched", [("Laws.cs", TextMatchedSource)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));
        compiled.Check(typeof(GeneratedJurisdictionMatchTests), nameof(CheckTextMatched), "TextMatched.Prefs", output);
    }

    private static void CheckTextMatched<T>(ITestOutputHelper output)
        where T : class, IUserTierPolicy<T>
    {
        Assert.Equal<string>(["EU-SUPRANATIONAL1", "EU", "D\u00C9"], T.Registry.Jurisdictions);
        var preferences = T.Decode([DimensionValue.OfPosition(2)]);
        foreach (var (code, expected) in new (string?, int)[] { ("d\u00E9", 2), ("D\u00C9", 2), ("DE", -1), ("eu-supranational1", 0), ("EU-SUPRANATIONAL", -1), ("eu", 1), (null, -1) })
        {
            Assert.Equal(expected, T.Resolve(preferences, PolicyContext.In(code), DimensionSet.Empty).Jurisdiction);
        }

        // Under DÉ law (within the EU) Mature is clamped to Teen, and the gate sees the same.
        var inDe = PolicyContext.In("d\u00E9");
        Assert.Equal(DimensionValue.OfPosition(1), T.Encode(T.Resolve(preferences, inDe, DimensionSet.Empty).Effective)[0]);
        var granted = new DimensionValue[1];
        T.GrantedValues(preferences, inDe, granted);
        Assert.Equal(DimensionValue.OfPosition(1), granted[0]);

        var (count, matched) = ProbeRespelled<T>(20_000);
        output.WriteLine($"TextMatched: {count} probes, {matched} matching a jurisdiction");
        Assert.True(matched > 2_000 && count - matched > 2_000, $"{matched} of {count} probes matched");

        // And every differential case, with the near-miss jurisdictions CaseDraw adds for each code.
        Assert.Equal(20_000, Differential.Run<T>(seed: 5, cases: 20_000, coverage: null));
    }

    // Codes of the policy respelled (case, bit 5, look-alikes) and random ones, each matched by the generated evaluator,
    // OrdinalIgnoreCase and the interpreter; how many probes, and how many matched a code.
    private static (long Count, long Matched) ProbeRespelled<T>(int probes)
        where T : class, IUserTierPolicy<T>
    {
        var jurisdictions = T.Registry.Jurisdictions.ToArray();
        var interpreter = new PolicyInterpreter(T.Registry);
        var request = T.Encode(T.Decode([]));
        var gen = Gen.Frequency((3, Gen.OneOf(jurisdictions).SelectMany(JurisdictionMatchProperties.Respelled)), (1, JurisdictionMatchProperties.Code));
        long count = 0, matched = 0;
        gen.Sample(
            probe =>
            {
                var expected = Array.FindIndex(jurisdictions, j => string.Equals(j, probe, StringComparison.OrdinalIgnoreCase));
                var context = PolicyContext.In(probe);
                Assert.Equal(expected, T.Resolve(T.Decode(request), context, DimensionSet.Empty).Jurisdiction);
                Assert.Equal(expected, interpreter.Resolve(request, context, DimensionSet.Empty).Jurisdiction);
                Interlocked.Increment(ref count);
                Interlocked.Add(ref matched, expected >= 0 ? 1 : 0);
            },
            iter: probes);
        return (count, matched);
    }
}
