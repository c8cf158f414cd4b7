using Microsoft.Extensions.Logging;

namespace PolicyAsCode.Runtime;

/// <summary>The log messages of decision records, source-generated.</summary>
internal static partial class RecordLog
{
    [LoggerMessage(EventId = 4130, EventName = "PolicyDecisionRecord",
        Message = "Policy {Policy} {PolicyVersion} {Kind} {RecordId}: {Record}")]
    public static partial void Record(ILogger logger, LogLevel level, string policy, string policyVersion, string kind, string recordId, string record);

    [LoggerMessage(EventId = 4131, EventName = "PolicyDecisionRecordFailed", Level = LogLevel.Error,
        Message = "A decision record was lost ({ErrorType}: {ExceptionType}: {ExceptionMessage}); the request went on")]
    public static partial void Failed(ILogger logger, string errorType, string exceptionType, string exceptionMessage);
}
