using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// What pac prints of text it did not write (names and values of a preferences or context file, file names, the
/// library's and exceptions' messages) can neither drive the terminal nor forge a line.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class UntrustedTextTests(PolicyAssemblies policies)
{
    private const string Esc = "\u001b";

    // A forged row: what a newline in a name would print as the Maturity row of the resolution table.
    private const string Forged = "Maturity  Mature  Mature  as asked";

    private string Folder => Directory.CreateDirectory(Path.Combine(policies.Folder, "untrusted")).FullName;

    private string File(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>No character that a terminal acts on, other than the line feeds that end pac's own lines.</summary>
    private static void AssertInert(string text)
    {
        var control = text.Where(c => c != '\n' && (char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e'))).ToList();
        Assert.True(control.Count == 0, "control characters printed raw: " + string.Join(", ", control.Select(c => $"U+{(int)c:X4}")));
    }

    private static void AssertOneErrorLine(PacRun run)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        AssertInert(run.Error);
    }

    [Fact]
    public void A_property_name_with_escape_codes_and_a_line_break_prints_escaped_and_forges_no_row()
    {
        // JSON escapes: the reader unescapes them into a real ESC and a real line feed in the property names.
        var prefs = File("hostile.json", """{ "\u001b[2J\u001b[1;31mRED": 1, "x\nMaturity  Mature  Mature  as asked": 2, "tone": "\u001b]0;title\u0007" }""");

        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", prefs, "-j", "EU");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertInert(run.Output);
        Assert.DoesNotContain(Esc, run.Output, System.StringComparison.Ordinal);
        Assert.Contains("\\u001b[2J\\u001b[1;31mRED", run.Output, System.StringComparison.Ordinal);
        // The reader's own message already escapes the name (\u000a); pac leaves an escape as it is, never prints it raw.
        Assert.Contains("x\\u000aMaturity", run.Output, System.StringComparison.Ordinal);
        Assert.Single(run.Rows, r => r.Length > 0 && r[0] == "Maturity");
        Assert.DoesNotContain(run.Output.Split('\n'), line => line.StartsWith(Forged, System.StringComparison.Ordinal));
        Assert.Equal("(unreadable)", run.Row("Tone")[1]);
    }

    [Fact]
    public void A_file_name_with_escape_codes_and_a_line_break_prints_escaped()
    {
        var name = "p" + Esc + "[2J\n" + Forged + ".json";
        var prefs = File(name, "{}");

        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", prefs);
        var missing = PacRun.Of("resolve", policies.QuickStart, "--prefs", Path.Combine(Folder, "gone" + Esc + "[2J\n.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertInert(run.Output);
        Assert.Contains("p\\u001b[2J\\nMaturity  Mature  Mature  as asked.json: no errors.", run.Output, System.StringComparison.Ordinal);
        Assert.Single(run.Rows, r => r.Length > 0 && r[0] == "Maturity");
        AssertOneErrorLine(missing);
        Assert.Contains("gone\\u001b[2J\\n.json: no such preferences file", missing.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_a_context_file_and_on_the_command_line_print_escaped_on_one_error_line()
    {
        var field = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("p.json", "{}"), "--context", File("c.json", """{ "\u001b[2Jx\ny": 1 }"""));
        var fact = PacRun.Of("schema", policies.QuickStart, "--context", File("c2.json", """{ "facts": ["Minor\r\u009b31m"] }"""));
        var jurisdiction = PacRun.Of("card", policies.QuickStart, "-j", "FR" + Esc + "[2J\nEU");
        var argument = PacRun.Of("frob" + Esc + "[2J\nnicate");

        AssertOneErrorLine(field);
        Assert.Contains("unknown field \"\\u001b[2Jx\\ny\"", field.Error, System.StringComparison.Ordinal);
        AssertOneErrorLine(fact);
        AssertOneErrorLine(jurisdiction);
        Assert.Contains("unknown jurisdiction FR\\u001b[2J\\nEU", jurisdiction.Error, System.StringComparison.Ordinal);
        AssertOneErrorLine(argument);
    }

    [Fact]
    public void Malformed_JSON_quoting_a_raw_control_character_prints_it_escaped()
    {
        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("p2.json", "{}"), "--context", File("raw.json", "{ \"a" + Esc + "[2J\n\": 1 }"));

        AssertOneErrorLine(run);
        Assert.Contains("unreadable context file", run.Error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text, é, 日本, 😀", "plain text, é, 日本, 😀")]
    [InlineData("a\u001b[2Jb", "a\\u001b[2Jb")]
    [InlineData("row\nforged\r\tx", "row\\nforged\\r\\tx")]
    [InlineData("\u0000\u0007\u007f\u0085\u009b", "\\u0000\\u0007\\u007f\\u0085\\u009b")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("a\u202eb\u2066c\u200fd\u061ce", "a\\u202eb\\u2066c\\u200fd\\u061ce")]
    [InlineData("already escaped \\u001b stays", "already escaped \\u001b stays")]
    public void Escape_makes_every_control_line_break_and_bidi_control_visible(string text, string printed) =>
        Assert.Equal(printed, UntrustedText.Escape(text));

    [Fact]
    public void Unpaired_surrogates_are_escaped_and_pairs_kept()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD before the test sees it.
        var text = "lone " + (char)0xD800 + " high, lone " + (char)0xDC00 + " low, 😀, at the end " + (char)0xD83D;

        Assert.Equal("lone \\ud800 high, lone \\udc00 low, 😀, at the end \\ud83d", UntrustedText.Escape(text));
    }

    [Fact]
    public void Safe_text_is_returned_as_is_and_documents_keep_their_line_feeds()
    {
        const string text = "no control characters here";

        Assert.Same(text, UntrustedText.Escape(text));
        Assert.Equal("# Card\n\nline \\u001b[2J\n", UntrustedText.EscapeKeepingLines("# Card\n\nline \u001b[2J\n"));
        Assert.Equal("a\\r\n", UntrustedText.EscapeKeepingLines("a\r\n"));
    }

    [Fact]
    public void A_table_cell_with_a_line_break_stays_one_row()
    {
        var table = new TextTable("dimension", "requested");
        table.Add("Tone\n" + Forged, Esc + "[2J");
        using var plain = new StringWriter();
        using var rich = new StringWriter();
        using var narrow = new StringWriter();

        table.Write(plain, new Terminal(200, Colour: false));
        table.Write(rich, new Terminal(200, Colour: true));
        table.Write(narrow, new Terminal(30, Colour: false));

        Assert.Equal(3, plain.ToString().TrimEnd('\n').Split('\n').Length);
        // Too wide for 30 columns: one block, whose title is the whole escaped cell and whose one field is the other.
        Assert.Equal("Tone\\nMaturity  Mature  Mature  as asked", narrow.ToString().Split('\n')[0]);
        Assert.Single(narrow.ToString().Split('\n'), l => l.StartsWith("  requested", System.StringComparison.Ordinal));
        Assert.DoesNotContain(Esc, narrow.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("Tone\\nMaturity", plain.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, plain.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("\\u001b[2J", rich.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(Esc + "[2J", rich.ToString(), System.StringComparison.Ordinal);
    }
}
