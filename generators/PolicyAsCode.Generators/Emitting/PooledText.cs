using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Text appended into chunks rented from the shared array pool, taken once as a string and then handed back. The
/// generated file of a policy of thousands of dimensions runs to millions of characters; grown in a
/// <see cref="System.Text.StringBuilder"/>, its chunks were a fifth of what a build allocated in the compiler's
/// process, garbage the moment the string was made, and the collections they brought grew faster than the policy.
/// Pooled, a compiler server's second build of the policy allocates only the string.
/// </summary>
internal sealed class PooledText : IDisposable
{
    // Chunks start small (a small policy rents little) and double up to the largest, which the pool keeps a few of per core.
    private const int FirstChunk = 16 * 1024;
    private const int LargestChunk = 1024 * 1024;

    private readonly List<char[]> _full = [];
    private char[] _chunk = ArrayPool<char>.Shared.Rent(FirstChunk);
    private int _used;
    private int _fullLength;

    public int Length => _fullLength + _used;

    public PooledText Append(string? value)
    {
        if (value is null)
        {
            return this;
        }

        var from = 0;
        while (from < value.Length)
        {
            var room = Room();
            var count = Math.Min(room, value.Length - from);
            value.CopyTo(from, _chunk, _used, count);
            _used += count;
            from += count;
        }

        return this;
    }

    public PooledText Append(char value)
    {
        Room();
        _chunk[_used++] = value;
        return this;
    }

    public PooledText Append(char value, int count)
    {
        while (count > 0)
        {
            var run = Math.Min(Room(), count);
            for (var i = 0; i < run; i++)
            {
                _chunk[_used + i] = value;
            }

            _used += run;
            count -= run;
        }

        return this;
    }

    /// <summary>An integer's digits, written in place: a non-negative one reads the same in every culture; a negative one is formatted invariantly.</summary>
    public PooledText Append(long value)
    {
        if (value < 0)
        {
            return Append(value.ToString(CultureInfo.InvariantCulture));
        }

        var digits = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        if (Room() < digits)
        {
            return Append(value.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = _used + digits - 1; i >= _used; i--)
        {
            _chunk[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _used += digits;
        return this;
    }

    /// <summary>The text as one string: the only allocation that grows with it once the pool holds the chunks.</summary>
    public override unsafe string ToString()
    {
        var text = new string('\0', Length);
        fixed (char* start = text)
        {
            // The string is new and not yet seen by anyone: filled here, as string.Create would fill it.
            var at = start;
            foreach (var chunk in _full)
            {
                fixed (char* source = chunk)
                {
                    var count = chunk.Length;
                    Buffer.MemoryCopy(source, at, count * sizeof(char), count * sizeof(char));
                    at += count;
                }
            }

            fixed (char* source = _chunk)
            {
                Buffer.MemoryCopy(source, at, _used * sizeof(char), _used * sizeof(char));
            }
        }

        return text;
    }

    public void Dispose()
    {
        if (_chunk.Length == 0)
        {
            return; // disposed already: its chunks are back in the pool, perhaps rented by someone else
        }

        foreach (var chunk in _full)
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        _full.Clear();
        ArrayPool<char>.Shared.Return(_chunk);
        _chunk = [];
        _used = 0;
        _fullLength = 0;
    }

    // Room left in the current chunk, a new one taken when it is full (a full chunk is used to its last character, so
    // the string is the chunks end to end).
    private int Room()
    {
        if (_used == _chunk.Length)
        {
            if (_chunk.Length == 0)
            {
                throw new ObjectDisposedException(nameof(PooledText));
            }

            _full.Add(_chunk);
            _fullLength += _used;
            _chunk = ArrayPool<char>.Shared.Rent(Math.Min(_chunk.Length * 2, LargestChunk));
            _used = 0;
        }

        return _chunk.Length - _used;
    }
}
