using System;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Writes C# text line by line with indentation, the way dotnet/runtime's generators do, into pooled chunks
/// (<see cref="PooledText"/>) that go back to the pool when the writer is disposed.
/// </summary>
internal sealed class SourceWriter : IDisposable
{
    private readonly PooledText _text = new();
    private int _depth;

    /// <summary>Writes an interpolated line, each part appended in place (<see cref="SourceLine"/>).</summary>
    public SourceWriter Line([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] SourceLine line)
    {
        _ = line;
        _text.Append('\n');
        return this;
    }

    // Where a SourceLine writes: indented unless the line is empty.
    internal PooledText BeginLine(bool indented)
    {
        if (indented)
        {
            _text.Append(' ', _depth * 4);
        }

        return _text;
    }

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string line)
    {
        Open(line);
        return new Closer(this);
    }

    public override string ToString() => _text.ToString();

    public void Dispose() => _text.Dispose();

    private sealed class Closer(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
