using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Records;

/// <summary>
/// One resolution or decision the runtime made, as written to a JSON Lines file or a log (docs/decision-records.md).
/// It carries everything needed to make it again under another policy version (<c>pac replay</c>): the context, the
/// requested values (less the redacted ones), and what the policy in force answered. It names dimensions, facts,
/// tiers and hazards by name, never by position, so a record written by one policy version reads in a later one.
/// </summary>
/// <param name="Id">Unique and time-ordered: a version 7 UUID, so sorting ids sorts records by time.</param>
/// <param name="Time">When the resolution or decision was made (UTC).</param>
/// <param name="Kind">A resolution or a decision.</param>
/// <param name="Policy">The policy's registry name (the user tier's full type name).</param>
/// <param name="Version">The policy version in force: the compiled fingerprint, with <c>+overlay.</c> and the overlaid registry's fingerprint when an overlay is in force.</param>
/// <param name="OverlayRevision">How many policies were swapped in before the one in force, in the process that wrote the record.</param>
/// <param name="Jurisdiction">The request's jurisdiction as the request named it, or null.</param>
/// <param name="Known">The facts whose truth was established, by name.</param>
/// <param name="Holding">The known facts that hold, by name.</param>
/// <param name="Requested">The requested values in the preferences wire format, less redacted and unreadable dimensions.</param>
/// <param name="Redacted">The JSON names of the dimensions whose requested value was left out on purpose.</param>
/// <param name="Unreadable">The JSON names of the dimensions whose requested value could not be read (they resolved fail-closed).</param>
/// <param name="Effective">The effective values in the preferences wire format.</param>
/// <param name="Adjustments">Every value the resolution moved or granted under a waiver.</param>
/// <param name="Decision">The decision, for a <see cref="DecisionRecordKind.Decision"/> record; null for a resolution.</param>
/// <param name="Content">The content decided on, only when content recording is switched on; else null.</param>
public sealed record DecisionRecord(
    string Id,
    DateTimeOffset Time,
    DecisionRecordKind Kind,
    string Policy,
    string Version,
    long OverlayRevision,
    string? Jurisdiction,
    IReadOnlyList<string> Known,
    IReadOnlyList<string> Holding,
    JsonObject Requested,
    IReadOnlyList<string> Redacted,
    IReadOnlyList<string> Unreadable,
    JsonObject Effective,
    IReadOnlyList<RecordedAdjustment> Adjustments,
    RecordedDecision? Decision = null,
    string? Content = null)
{
    /// <summary>The schema version this library writes (<c>"v"</c>).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema version the record was written with (<c>"v"</c>); readers read every version from 1 on.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}
