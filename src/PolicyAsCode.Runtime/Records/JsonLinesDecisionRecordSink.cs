using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyAsCode.Records;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Appends decision records to a JSON Lines file, one record per line, off the request path: <see cref="Write"/> only
/// queues the record, and one writer task serialises, appends and rotates, so lines written from many threads are
/// always whole. When the file would pass <c>maxBytesPerFile</c> it is renamed <c>name.1.jsonl</c> (older files move up
/// to <c>name.2.jsonl</c>, ...), a new one is started, and files past <c>maxFiles</c> are deleted, oldest first. Nothing
/// is ever thrown at the caller: a full queue, a record longer than a file may be, or a failing disk loses the record,
/// which is counted (<see cref="Failures"/>, <c>policyascode.records.failed</c>) and logged. One sink per file: two
/// writers (two sinks or two processes) must not share a path.
/// </summary>
public sealed class JsonLinesDecisionRecordSink : IDecisionRecordSink, IDisposable, IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly Channel<Item> _queue;
    private readonly Task _writer;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private readonly ILogger _logger;
    private readonly Counter<long>? _failed;
    private FileStream? _file;
    private long _size;
    private long _failures;

    /// <summary>Creates the sink and starts its writer.</summary>
    /// <param name="path">The file records are appended to (its folder is created if missing).</param>
    /// <param name="maxBytesPerFile">The most bytes one file may hold.</param>
    /// <param name="maxFiles">The most files kept, the one being written included.</param>
    /// <param name="queueCapacity">The most records waiting to be written; more are dropped and counted.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="telemetry">Where failures are counted.</param>
    public JsonLinesDecisionRecordSink(string path, long maxBytesPerFile = 16L * 1024 * 1024, int maxFiles = 10, int queueCapacity = 10_000, ILogger<JsonLinesDecisionRecordSink>? logger = null, PolicyTelemetry? telemetry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytesPerFile, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        Path = System.IO.Path.GetFullPath(path);
        _maxBytes = maxBytesPerFile;
        _maxFiles = maxFiles;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _failed = telemetry is null ? null : PolicyDecisionRecorder.FailureCounter(telemetry.Meter);
        _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(queueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The file being written (full path).</summary>
    public string Path { get; }

    /// <summary>How many records were lost (queue full, too large, write failed, sink closed).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The file that holds the <paramref name="age"/>-th older records of <paramref name="path"/>: <c>name.1.jsonl</c> for 1; <paramref name="path"/> itself for 0.</summary>
    public static string RotatedPath(string path, int age)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (age == 0)
        {
            return path;
        }

        var folder = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var extension = System.IO.Path.GetExtension(path);
        return System.IO.Path.Combine(folder, stem + "." + age.ToString(CultureInfo.InvariantCulture) + extension);
    }

    /// <inheritdoc/>
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_queue.Writer.TryWrite(new Item(record, null)))
        {
            Fail(_writer.IsCompleted || _closed ? "closed" : "queue_full", null);
        }
    }

    /// <summary>Waits until every record queued before the call is written and flushed to the file.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new Item(null, done)) ? done.Task.WaitAsync(cancellationToken) : FlushWhenFull(done, cancellationToken);
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public void Dispose()
    {
        _closed = true;
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private volatile bool _closed;

    // A flush is not dropped when the queue is full: it waits for room (the caller asked to wait).
    private async Task FlushWhenFull(TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(new Item(null, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Record is { } record)
                {
                    Append(record);
                }
                else
                {
                    FlushFile();
                    item.Flushed?.TrySetResult();
                }
            }

            // Nothing more queued for now: what was written reaches the file.
            FlushFile();
        }

        FlushFile();
        Close();
    }

    private void Append(DecisionRecord record)
    {
        byte[] line;
        try
        {
            line = DecisionRecordJson.ToUtf8Line(record);
        }
#pragma warning disable CA1031 // a record that cannot be written is lost, counted and logged; the writer goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail("record", e);
            return;
        }

        if (line.Length + 1 > _maxBytes)
        {
            Fail("too_large", null);
            return;
        }

        try
        {
            var file = Open();
            if (_size > 0 && _size + line.Length + 1 > _maxBytes)
            {
                Rotate();
                file = Open();
            }

            file.Write(line);
            file.Write(NewLine);
            _size += line.Length + 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail("io", e);
            Close();
        }
    }

    private FileStream Open()
    {
        if (_file is null)
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 64 * 1024);
            _size = _file.Length;
        }

        return _file;
    }

    // name.jsonl becomes name.1.jsonl, name.1.jsonl becomes name.2.jsonl, ...; the files past the limit are deleted.
    private void Rotate()
    {
        Close();
        foreach (var stale in RotatedFiles())
        {
            if (stale.Age >= _maxFiles - 1)
            {
                File.Delete(stale.Path);
            }
        }

        for (var age = _maxFiles - 2; age >= 0; age--)
        {
            var from = RotatedPath(Path, age);
            if (File.Exists(from))
            {
                File.Move(from, RotatedPath(Path, age + 1), overwrite: true);
            }
        }

        if (_maxFiles == 1)
        {
            File.Delete(Path);
        }
    }

    private List<(string Path, int Age)> RotatedFiles()
    {
        var folder = System.IO.Path.GetDirectoryName(Path) ?? ".";
        var stem = System.IO.Path.GetFileNameWithoutExtension(Path);
        var extension = System.IO.Path.GetExtension(Path);
        var found = new List<(string, int)>();
        foreach (var file in Directory.EnumerateFiles(folder, stem + ".*" + extension))
        {
            var middle = System.IO.Path.GetFileName(file)[(stem.Length + 1)..^extension.Length];
            if (int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age > 0)
            {
                found.Add((file, age));
            }
        }

        return found;
    }

    private void FlushFile()
    {
        try
        {
            _file?.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail("io", e);
            Close();
        }
    }

    private void Close()
    {
        try
        {
            _file?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file whose last flush failed fails again; that loss was already counted.
        }

        _file = null;
    }

    private void Fail(string errorType, Exception? e)
    {
        Interlocked.Increment(ref _failures);
        _failed?.Add(1, new KeyValuePair<string, object?>(PolicyTelemetry.ErrorTypeTag, errorType));
        RecordLog.Failed(_logger, errorType, e?.GetType().FullName ?? errorType, e?.Message ?? Describe(errorType));
    }

    private string Describe(string errorType) => errorType switch
    {
        "too_large" => $"the record is longer than a file may be ({_maxBytes} bytes)",
        "queue_full" => "the writer is behind and the queue is full",
        _ => "the sink is closed",
    };

    private readonly record struct Item(DecisionRecord? Record, TaskCompletionSource? Flushed);
}
