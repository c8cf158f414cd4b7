using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Tool;

/// <summary>
/// A table of text, laid out to the width of the <see cref="Terminal"/>. When every row fits on one line, plain aligned
/// columns two spaces apart (the form scripts and tests read); when it does not, one block per row, the first cell
/// as its title and every other non-empty cell on a line of its own under its header, values wrapped at spaces:
/// <code>
/// Maturity
///   requested  Mature
///   bound      AtMost(Maturity.Teen)
///              (when Minor)
/// </code>
/// Blocks are a blank line apart. Every cell is printed through <see cref="UntrustedText.Escape(string?)"/>: one cell
/// is one logical line, so no name can forge a row. With colour on, headers and titles are bold and a column may be
/// painted by its value (<see cref="Highlight"/>).
/// </summary>
internal sealed class TextTable
{
    private const int Gap = 2;
    private const string Indent = "  ";

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private (int Column, Func<string, Ink> Ink)? _highlight;

    public TextTable(params string[] headers) => _headers = headers;

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {_headers.Length} columns.", nameof(cells));
        }

        // Cells hold names and values from files and assemblies pac does not trust: escaped, so that none can move
        // the cursor, clear the screen or break the line and forge a row.
        _rows.Add(Array.ConvertAll(cells, UntrustedText.Escape));
    }

    /// <summary>Paints the cells of <paramref name="column"/> by their value (a cause, a change) when colour is on.</summary>
    public TextTable Highlight(int column, Func<string, Ink> ink)
    {
        _highlight = (column, ink);
        return this;
    }

    public void Write(TextWriter output, Terminal terminal)
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        if (widths.Sum() + (Gap * (widths.Length - 1)) <= terminal.Width)
        {
            WriteColumns(output, terminal, widths);
        }
        else
        {
            WriteBlocks(output, terminal);
        }
    }

    private void WriteColumns(TextWriter output, Terminal terminal, int[] widths)
    {
        output.Write(Line(_headers.Select(h => (h, Ink.Bold)).ToArray(), widths, terminal));
        output.Write(Line(widths.Select(w => (new string('-', w), Ink.Dim)).ToArray(), widths, terminal));
        foreach (var row in _rows)
        {
            output.Write(Line(row.Select((c, i) => (c, InkOf(i, c))).ToArray(), widths, terminal));
        }
    }

    private void WriteBlocks(TextWriter output, Terminal terminal)
    {
        var headerWidth = _headers.Skip(1).Max(h => h.Length);
        var valueWidth = Math.Max(terminal.Width - Indent.Length - headerWidth - Gap, 1);
        var continuation = new string(' ', Indent.Length + headerWidth + Gap);
        var first = true;
        foreach (var row in _rows)
        {
            if (!first)
            {
                output.Write('\n');
            }

            first = false;
            // The title is the row's key (a dimension, a path, a jurisdiction): never wrapped, so it reads whole.
            if (row[0].Length > 0)
            {
                output.Write(terminal.Paint(row[0], Ink.Bold) + "\n");
            }

            for (var i = 1; i < row.Length; i++)
            {
                if (row[i].Length == 0)
                {
                    continue;
                }

                var lines = TextWrap.Lines(row[i], valueWidth);
                var ink = InkOf(i, row[i]);
                output.Write(Indent + _headers[i].PadRight(headerWidth + Gap) + terminal.Paint(lines[0], ink) + "\n");
                foreach (var line in lines.Skip(1))
                {
                    output.Write(continuation + terminal.Paint(line, ink) + "\n");
                }
            }
        }
    }

    private Ink InkOf(int column, string cell) => _highlight is { } h && h.Column == column ? h.Ink(cell) : Ink.None;

    private static string Line((string Text, Ink Ink)[] cells, int[] widths, Terminal terminal)
    {
        var line = new StringBuilder();
        var last = cells.Length - 1;
        while (last > 0 && cells[last].Text.Length == 0)
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            line.Append(terminal.Paint(cells[i].Text, cells[i].Ink));
            if (i < last)
            {
                line.Append(' ', widths[i] - cells[i].Text.Length + Gap);
            }
        }

        return line.ToString().TrimEnd() + "\n";
    }
}
