using System;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// The registry data the generator writes into <c>[PolicyRegistryData]</c>, read back by an independent JSON parser:
/// printable ASCII only, and every text, member value, number and mask exactly as the policy states it, including what
/// the snapshots do not hold (escapes outside ASCII, a surrogate pair, negative members, high hazard bits).
/// </summary>
public sealed class RegistryDataTextTests
{
    private const string Reason = "quote \" backslash \\ tab \t accent \u00e9 euro \u20ac emoji \U0001F600 separator \u2028 end";
    private const string Description = "na\u00efve \"level\"";

    private const string Source = """
        using PolicyAsCode;

        [assembly: HazardCategory(Hazard.Custom8, "X8", "Betting \u00e0 la carte.")]

        namespace Odd;

        public enum Level
        {
            Low = -3,
            Middle = 0,
            High = 4,
        }

        [System.Flags]
        public enum Wide : ulong
        {
            None = 0,
            Low = 1,
            Top = 0x8000000000000000,
        }

        [ImmutableTier("EU")]
        [Forbid(Hazard.Custom8 | Hazard.Hate, Reason = "REASON")]
        public partial record EuLaw
        {
            [AtMost(Level.Middle, Reason = "REASON")]
            public Level Level { get; init; }

            [Between(-2.5, 1e300)]
            public double Warmth { get; init; }

            [AtLeast(-7)]
            public int Offset { get; init; }
        }

        [UserTier(Within = [typeof(EuLaw)])]
        public partial record Prefs
        {
            [Described("DESCRIPTION")]
            public Level Level { get; init; }

            public double Warmth { get; init; }

            public int Offset { get; init; }

            public Wide Wide { get; init; }
        }
        """;

    [Fact]
    public void Registry_data_is_printable_ascii_that_reads_back_every_text_and_number_exactly()
    {
        var source = Source
            .Replace("\"REASON\"", Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Reason, quote: true), StringComparison.Ordinal)
            .Replace("\"DESCRIPTION\"", Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Description, quote: true), StringComparison.Ordinal);
        var outcome = GeneratorHarness.Run([new SourceFile("Odd.cs", source)]);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));

        var attribute = outcome.Output.GetTypeByMetadataName("Odd.Prefs")!.GetAttributes()
            .Single(a => a.AttributeClass?.Name == "PolicyRegistryDataAttribute");
        var data = (string)attribute.ConstructorArguments[1].Value!;

        Assert.All(data, c => Assert.InRange(c, ' ', '~'));
        // Escaped as earlier data was: quotes and backslashes by a backslash, the rest as \u and four lower-case digits.
        Assert.Contains("quote \\\" backslash \\\\ tab \\u0009 accent \\u00e9 euro \\u20ac emoji \\ud83d\\ude00 separator \\u2028 end", data, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;

        var level = root.GetProperty("dimensions")[0];
        Assert.Equal(Description, level.GetProperty("description").GetString());
        Assert.Equal([-3L, 0L, 4L], level.GetProperty("memberValues").EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal(["Low", "Middle", "High"], level.GetProperty("members").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Ordinal", level.GetProperty("kind").GetString());

        var bounds = root.GetProperty("bounds").EnumerateArray().ToArray();
        var atMost = bounds.Single(b => b.GetProperty("dimension").GetInt32() == 0);
        Assert.Equal(Reason, atMost.GetProperty("reason").GetString());
        Assert.Equal("AtMost", atMost.GetProperty("form").GetString());
        var warmth = bounds.Single(b => b.GetProperty("dimension").GetInt32() == 1).GetProperty("bound");
        Assert.Equal(-2.5, warmth.GetProperty("lo").GetDouble());
        Assert.Equal(1e300, warmth.GetProperty("hi").GetDouble());
        var offset = bounds.Single(b => b.GetProperty("dimension").GetInt32() == 2);
        Assert.Equal("AtLeast", offset.GetProperty("form").GetString());
        Assert.Equal(-7d, offset.GetProperty("bound").GetProperty("lo").GetDouble());

        var forbid = root.GetProperty("forbids")[0];
        Assert.Equal(Reason, forbid.GetProperty("reason").GetString());
        Assert.Equal("0x8000000200", forbid.GetProperty("hazards").GetString());
        var category = Assert.Single(root.GetProperty("hazards").EnumerateArray().ToArray());
        Assert.Equal("0x8000000000", category.GetProperty("hazard").GetString());
        Assert.Equal("Betting \u00e0 la carte.", category.GetProperty("description").GetString());

        // Masks print every hex digit they need, from none set to the top bit.
        var wide = root.GetProperty("dimensions")[3].GetProperty("domain");
        Assert.Equal("0x0", wide.GetProperty("floor").GetString());
        Assert.Equal("0x8000000000000001", wide.GetProperty("ceiling").GetString());
    }
}
