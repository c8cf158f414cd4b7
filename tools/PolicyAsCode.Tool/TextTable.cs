using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Spectre.Console;

namespace PolicyAsCode.Tool;

/// <summary>
/// A table of text: drawn with Spectre.Console on a terminal, written as plain aligned columns when the output is
/// redirected (or is not the console), so the plain form is stable for scripts and tests. Every cell is printed through
/// <see cref="UntrustedText.Escape(string?)"/>: one cell is one line.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

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

    public void Write(TextWriter output, bool rich)
    {
        if (rich)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in _headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(header)));
            }

            foreach (var row in _rows)
            {
                table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.Write(table);
            return;
        }

        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        output.Write(Line(_headers, widths));
        output.Write(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in _rows)
        {
            output.Write(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        return line.ToString().TrimEnd() + "\n";
    }
}
