using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace PolicyAsCode.Extensions.AI.Tests.Support;

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    public object? this[string key] => State.FirstOrDefault(p => p.Key == key).Value;

    public bool Has(string key) => State.Any(p => p.Key == key);
}

/// <summary>A logger that keeps every entry with its structured state.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (Entries)
        {
            Entries.Add(new LogEntry(logLevel, eventId, formatter(state, exception), pairs.ToList(), exception));
        }
    }
}
