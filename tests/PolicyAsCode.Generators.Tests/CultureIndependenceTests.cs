using System.Globalization;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// The generated files are the same text whatever culture the compiler runs under: a number in generated code or in
/// the registry data must not take a comma for its decimal point or another script's digits.
/// </summary>
public sealed class CultureIndependenceTests
{
    [Theory]
    [InlineData("de-DE")] // comma decimal separator
    [InlineData("ar-SA")] // Arabic number shapes in some runtimes
    [InlineData("fa-IR")] // its own minus sign
    public void Generated_sources_do_not_depend_on_the_current_culture(string culture)
    {
        var other = CultureInfo.GetCultureInfo(culture);
        Assert.NotEqual((-1.5).ToString(CultureInfo.InvariantCulture), (-1.5).ToString(other)); // the culture would show
        var invariantSources = Generate(CultureInfo.InvariantCulture);
        var otherSources = Generate(other);
        Assert.Equal(invariantSources.Count, otherSources.Count);
        for (var i = 0; i < invariantSources.Count; i++)
        {
            Assert.Equal(invariantSources[i].HintName, otherSources[i].HintName);
            Assert.True(invariantSources[i].Text == otherSources[i].Text, $"{invariantSources[i].HintName} differs under {culture}");
        }
    }

    // The part the emitters share: an interpolated line formats its numbers invariantly whatever the culture.
    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void An_interpolated_line_formats_numbers_invariantly(string culture)
    {
        using var _ = new CultureScope(culture);
        var (real, whole, wide) = (-1.5, -3, -4_000_000_000L);
        var writer = new PolicyAsCode.Generators.Emitting.SourceWriter();
        writer.Line($"x = {real}, {whole}, {wide}, {0.25:R}d;");
        Assert.Equal("x = -1.5, -3, -4000000000, 0.25d;\n", writer.ToString());
    }

    private static System.Collections.Generic.IReadOnlyList<(string HintName, string Text)> Generate(CultureInfo culture)
    {
        using var _ = new CultureScope(culture);
        var sources = GeneratorHarness.Run(Policies.EveryKind).Sources;
        Assert.NotEmpty(sources);
        return sources;
    }
}
