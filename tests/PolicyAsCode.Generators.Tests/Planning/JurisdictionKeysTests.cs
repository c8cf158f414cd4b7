using System;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Planning;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>
/// How the generated evaluator matches a jurisdiction code: by whole words where every code is short ASCII, each
/// candidate one mask and one compare per word; by text otherwise, so a code outside ASCII is still matched exactly.
/// </summary>
public sealed class JurisdictionKeysTests
{
    [Fact]
    public void A_code_is_read_as_words_of_four_then_two_then_one_characters()
    {
        Assert.Equal([(0, 2)], JurisdictionKeys.Words(2));
        Assert.Equal([(0, 4), (4, 1)], JurisdictionKeys.Words(5));
        Assert.Equal([(0, 4), (4, 2), (6, 1)], JurisdictionKeys.Words(7));
        Assert.Equal([(0, 4), (4, 4), (8, 4), (12, 4)], JurisdictionKeys.Words(16));
    }

    [Fact]
    public void Each_letter_sets_bit_five_of_its_mask_and_is_compared_in_lower_case_other_characters_exactly()
    {
        var keys = JurisdictionKeys.Plan(new EquatableArray<string>(["EU", "US-CA", "us"]))!;

        Assert.Equal([2, 5], keys.Lengths.Select(l => l.Length));
        var two = keys.Lengths[0];
        Assert.Equal([0, 2], two.Codes.Select(c => c.Index));
        Assert.Equal((0x200020UL, 0x750065UL), two.Codes[0].Words.Single()); // "eu"
        var five = keys.Lengths[1].Codes.Single();
        Assert.Equal(1, five.Index);
        Assert.Equal((0x0020000000200020UL, 0x0063002D00730075UL), five.Words[0]); // "us-c": no mask on '-'
        Assert.Equal((0x20UL, 0x61UL), five.Words[1]); // "a"
    }

    [Theory]
    [InlineData("D\u00C9")]
    [InlineData("EU-SUPRANATIONAL1")]
    public void A_code_outside_ASCII_or_longer_than_sixteen_is_matched_as_text(string odd)
    {
        Assert.Null(JurisdictionKeys.Plan(new EquatableArray<string>(["EU", odd])));

        var outcome = GeneratorHarness.Run(Policies.Minimal.Select(f => f with { Text = f.Text.Replace("[ImmutableTier(\"EU\")]", $"[ImmutableTier(\"{odd}\")]", StringComparison.Ordinal) }));
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains($"if (string.Equals(jurisdiction, \"{odd}\", global::System.StringComparison.OrdinalIgnoreCase)) return 0;", evaluator, StringComparison.Ordinal);
        Assert.DoesNotContain("MatchJurisdiction2(", evaluator, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
    }

    [Fact]
    public void Short_ASCII_codes_are_matched_by_words_without_a_jump_per_candidate()
    {
        var outcome = GeneratorHarness.Run(QuickStart.Sources());
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).Text;

        Assert.Contains("2 => MatchJurisdiction2(units),", evaluator, StringComparison.Ordinal);
        Assert.Contains("5 => MatchJurisdiction5(units),", evaluator, StringComparison.Ordinal);
        Assert.DoesNotContain("string.Equals(jurisdiction", evaluator, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
    }
}
