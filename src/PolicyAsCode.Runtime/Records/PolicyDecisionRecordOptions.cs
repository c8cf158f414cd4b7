using System;
using System.Collections.Generic;

namespace PolicyAsCode.Runtime;

/// <summary>Options of decision records (docs/decision-records.md).</summary>
public sealed class PolicyDecisionRecordOptions
{
    /// <summary>Whether records are made at all (on by default once decision records are added).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The JSON Lines file records are appended to, or null for none. When it reaches <see cref="MaxBytesPerFile"/> it
    /// is renamed <c>name.1.jsonl</c> (the older ones moving up to <c>name.2.jsonl</c> ...) and a new file is started;
    /// at most <see cref="MaxFiles"/> files are kept, the oldest deleted.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The most bytes one file may hold (default 16 MiB). A record longer than this is dropped, counted and logged.</summary>
    public long MaxBytesPerFile { get; set; } = 16L * 1024 * 1024;

    /// <summary>The most files kept, the one being written included (default 10).</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>
    /// The most records waiting to be written to the file (default 10,000). Records are written off the request path;
    /// when the writer falls this far behind, further records are dropped, counted and logged, and requests never wait.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Whether each record is also written to the log as a structured event (event 4130), which OpenTelemetry's logging picks up. Off by default.</summary>
    public bool WriteToLog { get; set; }

    /// <summary>
    /// Dimensions whose requested values are never recorded, by JSON name (<c>memoryDays</c>; case is ignored). Their
    /// names are listed under <c>redacted</c>; their effective values are still recorded (they are the policy's answer).
    /// A name the policy does not have is an error when the recorder is registered, so a typo never leaks a value.
    /// </summary>
    public ISet<string> RedactedDimensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether decision records carry the content decided on (the user's input or the model's output). Off by default,
    /// as for the decision log (<see cref="PolicyDecisionLogOptions.IncludeContent"/>).
    /// </summary>
    public bool IncludeContent { get; set; }
}
