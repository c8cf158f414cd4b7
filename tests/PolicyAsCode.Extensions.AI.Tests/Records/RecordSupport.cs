using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Records;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

/// <summary>A sink that keeps every record it is given.</summary>
public sealed class ListSink : IDecisionRecordSink
{
    public List<DecisionRecord> Records { get; } = [];

    public void Write(DecisionRecord record)
    {
        lock (Records)
        {
            Records.Add(record);
        }
    }
}

/// <summary>A sink that always fails.</summary>
public sealed class ThrowingSink : IDecisionRecordSink
{
    public void Write(DecisionRecord record) => throw new IOException("the disk is gone");
}

/// <summary>A logger factory whose loggers all write into one list.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    public CapturingLogger<object> Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>A temporary folder deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pac-records-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public IReadOnlyList<string> Files() => Directory.GetFiles(Path).OrderBy(f => f, StringComparer.Ordinal).ToList();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

public static class RecordSupport
{
    public static PolicyDecisionRecorder Recorder(ListSink sink, Action<PolicyDecisionRecordOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        var options = new PolicyDecisionRecordOptions();
        configure?.Invoke(options);
        return new PolicyDecisionRecorder([sink], Options.Create(options), loggers);
    }

    /// <summary>Resolves <paramref name="requested"/> in <paramref name="context"/> on the compiled QuickStart policy and records it.</summary>
    public static DecisionRecord Resolve(PolicyDecisionRecorder recorder, LearnerPreferences requested, PolicyContext context, DimensionSet unreadable = default)
    {
        var snapshot = Learners.Engine().Current;
        var resolution = snapshot.Resolve(requested, context, unreadable);
        return recorder.RecordResolution(snapshot, context, requested, unreadable, in resolution)!;
    }
}
