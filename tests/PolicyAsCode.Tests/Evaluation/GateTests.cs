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
/// request in any context, including none at all (its jurisdiction matching: <see cref="GeneratedJurisdictionMatchTests"/>).
/// (<see cref="Differential"/> holds every compiled policy's <c>Admits</c> and <c>GrantedValues</c> to the same.)
/// </summary>
public sealed class GateTests(ITestOutputHelper output)
{
    private const long Cases = 100_000;

    [Fact]
    public void A_scope_no_constructor_filled_is_refused_by_name()
    {
        // default(PolicyScope) has tested no context: read as it is, it would say that no law applies anywhere.
        var preferences = new LearnerPreferences { Maturity = Maturity.Mature };
        var untested = default(LearnerPreferences.PolicyScope);

        var admits = Assert.Throws<ArgumentException>(() => LearnerPreferences.Admits(preferences, in untested, Hazard.SexualContent));
        Assert.Equal("scope", admits.ParamName);
        Assert.Contains("new PolicyScope(in context)", admits.Message, StringComparison.Ordinal);
        Assert.Equal("scope", Assert.Throws<ArgumentException>(() => LearnerPreferences.Granted.Maturity(preferences, in untested)).ParamName);
        Assert.Equal("scope", Assert.Throws<ArgumentException>(() => LearnerPreferences.Granted.AvoidHazards(preferences, in untested)).ParamName);

        // A scope made for a context answers.
        var tested = new LearnerPreferences.PolicyScope(PolicyContext.In("EU").With(Fact.Minor, true));
        Assert.False(LearnerPreferences.Admits(preferences, in tested, Hazard.SexualContent));
        Assert.Equal(Maturity.Teen, LearnerPreferences.Granted.Maturity(preferences, in tested));
    }

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
    [InlineData(0)]
    [InlineData(8)]
    public void GrantedValues_refuses_a_span_shorter_than_the_dimensions_before_writing(int length)
    {
        var values = Enumerable.Repeat(DimensionValue.OfPosition(63), length).ToArray();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ThroughInterface.GrantedValues<LearnerPreferences>(new LearnerPreferences(), PolicyContext.In("EU"), values));

        Assert.Equal("values", refused.ParamName);
        Assert.All(values, v => Assert.Equal(DimensionValue.OfPosition(63), v));
    }

    [Fact]
    public void GrantedValues_fills_exactly_the_dimensions_of_a_longer_span()
    {
        var values = Enumerable.Repeat(DimensionValue.OfPosition(63), 11).ToArray();

        ThroughInterface.GrantedValues<LearnerPreferences>(new LearnerPreferences(), PolicyContext.In("EU"), values);

        var effective = LearnerPreferences.Encode(LearnerPreferences.Resolve(new LearnerPreferences(), PolicyContext.In("EU")).Effective);
        Assert.Equal(effective, values[..9]);
        Assert.Equal([DimensionValue.OfPosition(63), DimensionValue.OfPosition(63)], values[9..]);
    }
}
