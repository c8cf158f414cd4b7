using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyAsCode.Records;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Makes a decision record of each resolution and decision it is told of and hands it to every
/// <see cref="IDecisionRecordSink"/>. The chat middleware and the ASP.NET Core request resolution call it when it is
/// registered (<c>AddDecisionRecords</c>). It never throws into the request: a record that cannot be made or a sink
/// that fails is counted (<see cref="Failures"/>, the <c>policyascode.records.failed</c> counter) and logged, and the
/// request goes on. With <see cref="PolicyDecisionRecordOptions.Path"/> set it writes a rotating JSON Lines file
/// (<see cref="JsonLinesDecisionRecordSink"/>, which it owns and closes when disposed), with
/// <see cref="PolicyDecisionRecordOptions.WriteToLog"/> the log (<see cref="LoggerDecisionRecordSink"/>), and always every
/// sink it is given.
/// </summary>
public sealed class PolicyDecisionRecorder : IDisposable, IAsyncDisposable
{
    /// <summary>The name of the counter of records lost to a failure.</summary>
    public const string FailedInstrument = "policyascode.records.failed";

    private readonly IDecisionRecordSink[] _sinks;
    private readonly JsonLinesDecisionRecordSink? _file;
    private readonly PolicyDecisionRecordOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Counter<long>? _failed;
    private long _failures;

    /// <summary>Creates a recorder writing to <paramref name="sinks"/> and to the file and log its options name.</summary>
    /// <param name="sinks">Sinks of the project's own (none is fine when the options name a file or the log).</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="loggers">Where failures, and with <see cref="PolicyDecisionRecordOptions.WriteToLog"/> the records, are logged.</param>
    /// <param name="telemetry">Where failures are counted.</param>
    /// <param name="time">The clock records are stamped with.</param>
    public PolicyDecisionRecorder(
        IEnumerable<IDecisionRecordSink>? sinks = null,
        IOptions<PolicyDecisionRecordOptions>? options = null,
        ILoggerFactory? loggers = null,
        PolicyTelemetry? telemetry = null,
        TimeProvider? time = null)
    {
        _options = options?.Value ?? new PolicyDecisionRecordOptions();
        _logger = (ILogger?)loggers?.CreateLogger<PolicyDecisionRecorder>() ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _failed = telemetry is null ? null : FailureCounter(telemetry.Meter);
        var all = new List<IDecisionRecordSink>(sinks ?? []);
        if (_options.Enabled && !string.IsNullOrWhiteSpace(_options.Path))
        {
            _file = new JsonLinesDecisionRecordSink(_options.Path, _options.MaxBytesPerFile, _options.MaxFiles, _options.QueueCapacity, loggers?.CreateLogger<JsonLinesDecisionRecordSink>(), telemetry);
            all.Add(_file);
        }

        if (_options.Enabled && _options.WriteToLog && loggers is not null)
        {
            all.Add(new LoggerDecisionRecordSink(loggers.CreateLogger<LoggerDecisionRecordSink>()));
        }

        _sinks = [.. all];
    }

    /// <summary>The JSON Lines file sink the options asked for, or null.</summary>
    public JsonLinesDecisionRecordSink? File => _file;

    /// <summary>The options in force.</summary>
    public PolicyDecisionRecordOptions Options => _options;

    /// <summary>How many times a record could not be made or a sink failed to take one (the file sink's own losses included).</summary>
    public long Failures => Interlocked.Read(ref _failures) + (_file?.Failures ?? 0);

    /// <summary>Waits until every record made so far is in the file (when there is one).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _file?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Writes what is queued and closes the file.</summary>
    public void Dispose() => _file?.Dispose();

    /// <summary>Writes what is queued and closes the file.</summary>
    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Records one resolution made on <paramref name="snapshot"/> and returns its record (for the decisions made
    /// against it), or null when recording is off or failed.
    /// </summary>
    /// <param name="snapshot">The policy version that resolved.</param>
    /// <param name="context">The request's context.</param>
    /// <param name="requested">The requested preferences (null: none, every dimension resolved fail-closed).</param>
    /// <param name="unreadable">The dimensions whose requested value could not be read.</param>
    /// <param name="resolution">The resolution.</param>
    public DecisionRecord? RecordResolution<TPreferences>(PolicySnapshot<TPreferences> snapshot, in PolicyContext context, TPreferences? requested, DimensionSet unreadable, in Resolution<TPreferences> resolution)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        if (!_options.Enabled || snapshot is null)
        {
            return null;
        }

        DecisionRecord record;
        try
        {
            var encodedRequested = requested is null ? [] : TPreferences.Encode(requested);
            var effective = resolution.IsResolved ? TPreferences.Encode(resolution.Effective) : [];
            record = DecisionRecords.Resolution(
                snapshot.Registry, snapshot.Version, snapshot.Revision, context, encodedRequested, unreadable, effective,
                resolution.Adjustments, (IReadOnlySet<string>)_options.RedactedDimensions, _time.GetUtcNow());
        }
#pragma warning disable CA1031 // a record that cannot be made must never fail the request it records
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail("record", e);
            return null;
        }

        Send(record);
        return record;
    }

    /// <summary>
    /// Records one decision made on <paramref name="snapshot"/> against the resolution <paramref name="resolution"/>
    /// records (as <see cref="RecordResolution"/> returned it); nothing when that is null.
    /// </summary>
    /// <param name="snapshot">The policy version that decided.</param>
    /// <param name="resolution">The record of the resolution decided against.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="stage">What was decided on.</param>
    /// <param name="detected">The hazards detected in it.</param>
    /// <param name="content">The content, kept only when <see cref="PolicyDecisionRecordOptions.IncludeContent"/> is on.</param>
    public DecisionRecord? RecordDecision<TPreferences>(PolicySnapshot<TPreferences> snapshot, DecisionRecord? resolution, in Decision decision, ContentStage stage, Hazard detected, string? content)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        if (!_options.Enabled || snapshot is null || resolution is null)
        {
            return null;
        }

        DecisionRecord record;
        try
        {
            record = DecisionRecords.Decision(
                snapshot.Registry, resolution, decision, PolicyTelemetry.StageName(stage), detected,
                _options.IncludeContent ? content ?? string.Empty : null, _time.GetUtcNow());
        }
#pragma warning disable CA1031 // as above
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail("record", e);
            return null;
        }

        Send(record);
        return record;
    }

    /// <summary>The counter of records lost, on <paramref name="meter"/> (one instrument per meter, shared by the recorder and the file sink).</summary>
    internal static Counter<long> FailureCounter(Meter meter) =>
        meter.CreateCounter<long>(FailedInstrument, "{record}", "Decision records lost: a record that could not be made, a sink that failed, a full queue or a record too large for a file.");

    private void Send(DecisionRecord record)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(record);
            }
#pragma warning disable CA1031 // a failing sink is counted and logged; the request goes on
            catch (Exception e)
#pragma warning restore CA1031
            {
                Fail("sink", e);
            }
        }
    }

    private void Fail(string errorType, Exception e)
    {
        Interlocked.Increment(ref _failures);
        _failed?.Add(1, new KeyValuePair<string, object?>(PolicyTelemetry.ErrorTypeTag, errorType));
        RecordLog.Failed(_logger, errorType, e.GetType().FullName ?? e.GetType().Name, e.Message);
    }
}
