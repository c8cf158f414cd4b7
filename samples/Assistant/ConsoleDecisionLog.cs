using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Assistant;

/// <summary>Prints the SDK's structured log entries (decisions, overlay reloads) synchronously, one compact line each.</summary>
public sealed class ConsoleDecisionLog : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger();

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || eventId.Name is null || !eventId.Name.StartsWith("Policy", StringComparison.Ordinal))
            {
                return;
            }

            var fields = new List<string>();
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    if (key is "Verdict" or "Stage" or "Jurisdiction" or "Tier" or "Hazards" or "PolicyVersion")
                    {
                        fields.Add($"{key}={value}");
                    }
                }
            }

            Console.ForegroundColor = ConsoleColor.DarkGray;
            Console.WriteLine($"    [log {eventId.Name}] {string.Join(" ", fields)}");
            Console.ResetColor();
        }
    }
}
