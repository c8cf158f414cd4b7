using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Tool;

/// <summary>
/// Writes text reports (resolve, verify, diff, replay, test) to a <see cref="Terminal"/>'s width: a line longer than
/// the width is broken at spaces (never inside a word), its continuation indented like the line itself, or two more
/// for a bullet (<c>- </c>). Lines that fit, tables among them (<see cref="TextTable"/> lays them out to the width
/// already), pass unchanged. Documents (cards, schemas, JSON, reports in Markdown or HTML) do not go through it: their
/// lines are their own.
/// </summary>
internal sealed class WrappingWriter(TextWriter inner, int width) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            WriteLine(_line.ToString());
            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    /// <summary>Writes what is left of an unfinished last line (unwrapped: it has no end yet) and flushes.</summary>
    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(_line.ToString());
            _line.Clear();
        }

        inner.Flush();
    }

    public override void WriteLine(string? value)
    {
        var line = value ?? string.Empty;
        if (Terminal.Visible(line) <= width)
        {
            inner.Write(line + "\n");
            return;
        }

        var indent = line.Length - line.TrimStart(' ').Length;
        var hanging = indent + (line.AsSpan(indent).StartsWith("- ") ? 2 : 0);
        var first = TextWrap.Lines(line[indent..], width - indent);
        inner.Write(new string(' ', indent) + first[0] + "\n");
        if (first.Count > 1)
        {
            // The rest is wrapped again to the narrower width its hanging indent leaves.
            foreach (var rest in TextWrap.Lines(string.Join(' ', first.Skip(1)), width - hanging))
            {
                inner.Write(new string(' ', hanging) + rest + "\n");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
