using PolicyAsCode.Records;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Where decision records go: a JSON Lines file (<see cref="JsonLinesDecisionRecordSink"/>), the log
/// (<see cref="LoggerDecisionRecordSink"/>), or a project's own store. <see cref="PolicyDecisionRecorder"/> calls
/// <see cref="Write"/> on the request path, once per record and sink: return quickly (queue the record if writing it
/// is slow). An exception is caught, counted and logged by the recorder; the request goes on.
/// </summary>
public interface IDecisionRecordSink
{
    /// <summary>Takes one record.</summary>
    void Write(DecisionRecord record);
}
