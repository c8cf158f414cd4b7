using System;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace PolicyAsCode.Tool;

/// <summary>A colour (or weight) pac paints text with; <see cref="Ink.None"/> leaves it as it is.</summary>
internal enum Ink
{
    None,
    Bold,
    Dim,
    Red,
    Green,
    Yellow,
    Cyan,
}

/// <summary>
/// Where pac's text goes: how wide a line may be and whether colour is wanted. A terminal gives its own width and,
/// unless <c>NO_COLOR</c> is set or it says it cannot (<c>TERM=dumb</c>), colour; anything else (a pipe, a file, a test's
/// writer) gets <see cref="DefaultWidth"/> columns and no escape code at all, so the output is the same wherever it is
/// captured.
/// </summary>
/// <param name="Width">The most characters a line may show.</param>
/// <param name="Colour">Whether text may carry ANSI colour codes.</param>
internal sealed record Terminal(int Width, bool Colour)
{
    /// <summary>The width of a line when no terminal says otherwise: the classic terminal's.</summary>
    public const int DefaultWidth = 80;

    /// <summary>No terminal: <see cref="DefaultWidth"/> columns, no colour.</summary>
    public static Terminal Plain { get; } = new(DefaultWidth, Colour: false);

    /// <summary>The terminal behind <paramref name="output"/>: the console's when it is the console and not redirected.</summary>
    public static Terminal For(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out))
        {
            return Plain;
        }

        if (Console.IsOutputRedirected)
        {
            // A pipe or a file has no width of its own; COLUMNS, as shells and scripts set it, says how wide to lay out.
            return Plain with { Width = Columns(Environment.GetEnvironmentVariable("COLUMNS")) };
        }

        // Spectre.Console knows how to ask each platform for the width and whether colour works (including Windows
        // consoles without virtual-terminal processing); NO_COLOR and TERM are checked here too, so the rule is
        // visible and tested in one place.
        var profile = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }).Profile;
        return Detect(
            profile.Width,
            profile.Capabilities.Ansi && profile.Capabilities.ColorSystem != ColorSystem.NoColors,
            Environment.GetEnvironmentVariable("NO_COLOR"),
            Environment.GetEnvironmentVariable("TERM"));
    }

    /// <summary>The width <c>COLUMNS</c> gives (a positive whole number), else <see cref="DefaultWidth"/>.</summary>
    public static int Columns(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : DefaultWidth;

    /// <summary>
    /// The terminal for a width (<c>0</c> or less when unknown) and a colour capability, given <c>NO_COLOR</c> and
    /// <c>TERM</c>: colour only where the terminal supports it, <c>NO_COLOR</c> is unset or empty (no-color.org) and
    /// <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static Terminal Detect(int width, bool supportsColour, string? noColor, string? term) =>
        new(width > 0 ? width : DefaultWidth, supportsColour && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal));

    /// <summary><paramref name="text"/> painted with <paramref name="ink"/> when colour is on; unchanged otherwise.</summary>
    public string Paint(string text, Ink ink) => !Colour || ink == Ink.None || text.Length == 0 ? text : $"\u001b[{Code(ink)}m{text}\u001b[0m";

    /// <summary>How many columns <paramref name="text"/> takes on screen: its length less the colour codes in it.</summary>
    public static int Visible(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            length++;
        }

        return length;
    }

    private static string Code(Ink ink) => ink switch
    {
        Ink.Bold => "1",
        Ink.Dim => "2",
        Ink.Red => "31",
        Ink.Green => "32",
        Ink.Yellow => "33",
        _ => "36",
    };
}
