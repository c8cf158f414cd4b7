using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Tool;

/// <summary>
/// Breaks text into lines of a given width at spaces only: a word is never split, so a word longer than the width
/// stands alone on its line (and overflows it) rather than being cut in two.
/// </summary>
internal static class TextWrap
{
    /// <summary>The lines of <paramref name="text"/>, each at most <paramref name="width"/> visible columns where its words allow.</summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        if (Terminal.Visible(text) <= width)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        var visible = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var length = Terminal.Visible(word);
            if (visible > 0 && visible + 1 + length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                visible = 0;
            }

            if (visible > 0)
            {
                line.Append(' ');
                visible++;
            }

            line.Append(word);
            visible += length;
        }

        lines.Add(line.ToString());
        return lines;
    }

}
