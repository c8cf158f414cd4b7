using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// What pac prints fits the terminal (its width, 80 when unknown or redirected), in colour only where the terminal
/// takes it, and never with an escape code in a pipe, a file or a test's writer.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class TerminalTests(PolicyAssemblies policies)
{
    private const string Esc = "\u001b";

    private const string Prefs = """
        { "maturity": "Mature", "tone": "Snarky", "memoryDays": 30, "discloseAi": false, "topics": ["Science", "Romance"], "colour": "blue" }
        """;

    private string File(string name, string text)
    {
        var path = Path.Combine(policies.Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(Terminal terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PacApp.Run(args, output, error, terminal);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertFits(string text, int width)
    {
        foreach (var line in text.Split('\n'))
        {
            Assert.True(Terminal.Visible(line) <= width, $"{Terminal.Visible(line)} columns, more than {width}: {line}");
        }
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("", "xterm-256color", true)]
    [InlineData("1", "xterm-256color", false)]
    [InlineData(null, "dumb", false)]
    public void Colour_needs_a_capable_terminal_without_NO_COLOR(string? noColor, string? term, bool colour)
    {
        Assert.Equal(colour, Terminal.Detect(120, supportsColour: true, noColor, term).Colour);
        Assert.False(Terminal.Detect(120, supportsColour: false, noColor, term).Colour);
    }

    [Fact]
    public void Pac_run_on_a_writer_lays_out_80_columns()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PacApp.Run(["resolve", policies.QuickStart, "--prefs", File("d-prefs.json", Prefs)], output, error);

        Assert.True(code == 0, error.ToString());
        AssertFits(output.ToString(), 80);
        Assert.Contains("\nTopics\n  requested  Science | Romance\n", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("132", 132)]
    [InlineData("40", 40)]
    [InlineData(null, 80)]
    [InlineData("", 80)]
    [InlineData("0", 80)]
    [InlineData("-5", 80)]
    [InlineData("wide", 80)]
    [InlineData(" 100", 80)]
    public void A_redirected_report_takes_its_width_from_COLUMNS_when_it_is_a_positive_number(string? columns, int width) =>
        Assert.Equal(width, Terminal.Columns(columns));

    [Fact]
    public void An_unknown_width_is_80_columns() =>
        Assert.Equal(80, Terminal.Detect(0, supportsColour: false, null, null).Width);

    [Fact]
    public void A_writer_that_is_not_the_console_gets_80_columns_and_no_colour() =>
        Assert.Equal(Terminal.Plain, Terminal.For(new StringWriter()));

    [Fact]
    public void Resolve_fits_80_columns_and_its_rows_read_back_whole()
    {
        var run = PacRun.At(Terminal.Plain, "resolve", policies.QuickStart, "--prefs", File("t-prefs.json", Prefs), "-j", "EU", "--context", File("t-minor.json", """{ "facts": ["Minor"] }"""));

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertFits(run.Output, 80);
        Assert.DoesNotContain(Esc, run.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["Topics", "Science | Romance", "Science", "clamped", "AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics) (when Minor)", "law of EU"],
            run.Row("Topics"));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(200)]
    public void Resolve_fits_the_terminal_width_it_is_given(int width)
    {
        var prefs = File("w-prefs.json", Prefs);
        var run = PacRun.At(new Terminal(width, Colour: false), "resolve", policies.QuickStart, "--prefs", prefs, "-j", "DE");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertFits(run.Output, width);
        Assert.Equal(["MemoryDays", "30", "0", "clamped", "Locked(0) (unless ConsentsToMemory)", "law of EU"], run.Row("MemoryDays"));
    }

    [Fact]
    public void Verify_and_diff_fit_80_columns()
    {
        var widened = policies.Edited("TerminalWidened", "UsLaw.cs", "[Locked(0, When = Fact.Minor", "[AtMost(7, When = Fact.Minor");
        var verify = PacRun.At(Terminal.Plain, "verify", policies.QuickStart);
        var diff = PacRun.At(Terminal.Plain, "diff", policies.QuickStart, widened);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True(diff.ExitCode == 1, diff.ToString());
        AssertFits(verify.Output, 80);
        AssertFits(diff.Output, 80);
        Assert.Contains(diff.Rows, r => r.Length == 6 && r[0] == "US" && r[2] == "MemoryDays" && r[3] == "widened");
    }

    [Fact]
    public void A_colour_terminal_gets_colour_and_the_same_words()
    {
        var prefs = File("c-prefs.json", Prefs);
        var colour = Run(new Terminal(80, Colour: true), "resolve", policies.QuickStart, "--prefs", prefs, "-j", "EU");
        var plain = Run(Terminal.Plain, "resolve", policies.QuickStart, "--prefs", prefs, "-j", "EU");

        Assert.Equal(0, colour.Code);
        Assert.Contains(Esc + "[33mclamped" + Esc + "[0m", colour.Output, StringComparison.Ordinal);
        Assert.Contains(Esc + "[31mfailed closed" + Esc + "[0m", colour.Output, StringComparison.Ordinal);
        AssertFits(colour.Output, 80);
        Assert.Equal(plain.Output, System.Text.RegularExpressions.Regex.Replace(colour.Output, "\u001b\\[[0-9;]*m", string.Empty));
    }

    [Fact]
    public void Help_names_the_manual_and_the_manual_is_there()
    {
        var run = PacRun.At(Terminal.Plain, "--help");
        var manual = Path.Combine(AppContext.BaseDirectory, "pac.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(manual, string.Join(string.Empty, run.Output.Split('\n').Select(l => l.Trim())), StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(manual), manual);
        Assert.StartsWith("# pac: the PolicyAsCode command-line tool", System.IO.File.ReadAllText(manual), StringComparison.Ordinal);
        AssertFits(run.Output, 80);
    }
}
