namespace PolicyAsCode.Records;

/// <summary>One line of a decision-record file: its record, or why it could not be read.</summary>
/// <param name="Number">The line number, from 1.</param>
/// <param name="Record">The record, or null when the line does not read.</param>
/// <param name="Error">Why the line does not read, or null.</param>
public readonly record struct DecisionRecordLine(long Number, DecisionRecord? Record, string? Error);
