using System;
using System.Collections.Generic;
using System.Threading;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The callbacks an observable instrument reads when a collector asks: added by whoever has something to report (an
/// engine, a monitor), removed when its registration is disposed. Thread-safe.
/// </summary>
internal sealed class ObservedSources<T>
{
    private readonly Lock _lock = new();
    private readonly List<Func<T>> _sources = [];

    public IDisposable Add(Func<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            _sources.Add(source);
        }

        return new Registration(this, source);
    }

    public List<T> Read()
    {
        Func<T>[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }

        var values = new List<T>(sources.Length);
        foreach (var source in sources)
        {
            values.Add(source());
        }

        return values;
    }

    private void Remove(Func<T> source)
    {
        lock (_lock)
        {
            _sources.Remove(source);
        }
    }

    private sealed class Registration(ObservedSources<T> owner, Func<T> source) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(source);
            }
        }
    }
}
