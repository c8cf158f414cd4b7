using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// An interpolated line written straight into a <see cref="SourceWriter"/>: <c>writer.Line($"value{i} = ...")</c>
/// appends its parts where they go instead of building the line as a string first. A policy of thousands of dimensions
/// writes millions of characters, and those per-line strings were most of what the emitter allocated.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref struct SourceLine
{
    private readonly PooledText _text;

    public SourceLine(int literalLength, int formattedCount, SourceWriter writer)
    {
        _text = writer.BeginLine(literalLength + formattedCount > 0);
    }

    public void AppendLiteral(string value) => _text.Append(value);

    public void AppendFormatted(string? value) => _text.Append(value);

    public void AppendFormatted(char value) => _text.Append(value);

    public void AppendFormatted(int value) => _text.Append((long)value);

    // Numbers in generated code read the same on every machine: IFormattable holes are formatted invariantly.
    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format) =>
        _text.Append(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());
}
