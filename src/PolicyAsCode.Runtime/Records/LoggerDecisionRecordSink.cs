using System;
using Microsoft.Extensions.Logging;
using PolicyAsCode.Records;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Writes each decision record to the log as one structured event (<c>PolicyDecisionRecord</c>, id 4130, at
/// <see cref="LogLevel.Information"/>) with the fields <c>Policy</c>, <c>PolicyVersion</c>, <c>Kind</c>, <c>RecordId</c> and
/// <c>Record</c> (the record's JSON line, exactly as the file sink writes it). OpenTelemetry's logging provider exports
/// it like any other log event.
/// </summary>
public sealed class LoggerDecisionRecordSink : IDecisionRecordSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    public LoggerDecisionRecordSink(ILogger<LoggerDecisionRecordSink> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc/>
    public void Write(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var kind = record.Kind == DecisionRecordKind.Decision ? "decision" : "resolution";
        var line = DecisionRecordJson.ToLine(record);
        RecordLog.Record(_logger, LogLevel.Information, record.Policy, record.Version, kind, record.Id, line);
    }
}
