using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

public sealed class TextTableTests
{
    private const string Esc = "\u001b";

    private static string Written(TextTable table, Terminal terminal)
    {
        using var output = new StringWriter();
        table.Write(output, terminal);
        return output.ToString();
    }

    private static TextTable Resolution()
    {
        var table = new TextTable("dimension", "requested", "granted", "cause", "bound", "tier");
        table.Add("Maturity", "Mature", "Teen", "clamped", "AtMost(Maturity.Teen) (when Minor)", "law of EU");
        table.Add("Topics", "Science | Romance", "Science", "clamped", "AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics) (when Minor)", "law of EU");
        table.Add("Verbosity", "Balanced", "Balanced", "as asked", string.Empty, string.Empty);
        return table;
    }

    [Fact]
    public void Plain_tables_align_columns_and_trim_trailing_spaces()
    {
        var table = new TextTable("a", "long header", "c");
        table.Add("first", "x", string.Empty);

        Assert.Equal("a      long header  c\n-----  -----------  -\nfirst  x\n", Written(table, Terminal.Plain));
    }

    [Fact]
    public void A_table_too_wide_for_80_columns_prints_a_block_per_row_that_fits()
    {
        var text = Written(Resolution(), Terminal.Plain);
        var lines = text.TrimEnd('\n').Split('\n');

        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.Equal(
            """
            Maturity
              requested  Mature
              granted    Teen
              cause      clamped
              bound      AtMost(Maturity.Teen) (when Minor)
              tier       law of EU

            """.ReplaceLineEndings("\n"),
            string.Join('\n', lines.Take(7)));
        Assert.Equal("Verbosity\n  requested  Balanced\n  granted    Balanced\n  cause      as asked", string.Join('\n', lines.TakeLast(4)));
    }

    [Fact]
    public void Cells_wrap_at_spaces_and_never_inside_a_word()
    {
        var text = Written(Resolution(), new Terminal(40, Colour: false));
        var bound = text.Split('\n').SkipWhile(l => !l.StartsWith("  bound      AtMost(Topics.Science", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("             ", StringComparison.Ordinal) || l.StartsWith("  bound", StringComparison.Ordinal)).ToList();

        Assert.True(bound.Count > 2, text);
        Assert.All(bound, l => Assert.True(l.Length <= 40, $"{l.Length} columns: {l}"));
        // Joined back at the breaks, the cell is whole: every break was at a space, none inside a word.
        Assert.Equal(
            "AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics) (when Minor)",
            string.Join(' ', bound.Select(l => l.Length > 13 ? l[13..] : l)));
    }

    [Fact]
    public void A_word_longer_than_the_width_stands_alone_rather_than_being_cut()
    {
        var lines = TextWrap.Lines("short AtMost(Topics.Science|Topics.History) end", 12);

        Assert.Equal(["short", "AtMost(Topics.Science|Topics.History)", "end"], lines);
    }

    [Fact]
    public void With_colour_headers_are_bold_and_a_highlighted_column_is_painted_by_its_value()
    {
        var table = new TextTable("dimension", "cause").Highlight(1, c => c == "clamped" ? Ink.Yellow : Ink.None);
        table.Add("Maturity", "clamped");
        table.Add("Tone", "as asked");

        var text = Written(table, new Terminal(80, Colour: true));

        Assert.Contains(Esc + "[1mdimension" + Esc + "[0m", text, StringComparison.Ordinal);
        Assert.Contains(Esc + "[33mclamped" + Esc + "[0m", text, StringComparison.Ordinal);
        Assert.Contains("Tone" + new string(' ', 7) + "as asked\n", text, StringComparison.Ordinal);   // aligned by visible width
        Assert.DoesNotContain(Esc, Written(table, Terminal.Plain), StringComparison.Ordinal);
    }
}
