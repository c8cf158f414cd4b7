namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// One row of <c>policy_feedback</c>: one feedback event. The store hands out <see cref="Learning.FeedbackEvent"/>;
/// this type exists for the EF Core model.
/// </summary>
public sealed class FeedbackRecord
{
    /// <summary>The policy's name; with <see cref="Id"/> the row's key.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The event's id; with <see cref="Policy"/> the row's key.</summary>
    public string Id { get; set; } = "";

    /// <summary>The user who gave it.</summary>
    public string UserId { get; set; } = "";

    /// <summary>When, in microseconds since 1970-01-01 UTC (an integer orders alike on every provider).</summary>
    public long AtMicroseconds { get; set; }

    /// <summary>The nudges, as a JSON array of <c>{"dimension","direction","label"}</c>.</summary>
    public string Nudges { get; set; } = "[]";

    /// <summary>-1, +1 or null.</summary>
    public int? Rating { get; set; }

    /// <summary>The free-text reason (kept only when the user consented).</summary>
    public string? Reason { get; set; }

    /// <summary>The decision record or response the feedback is about.</summary>
    public string? DecisionId { get; set; }

    /// <summary>The policy version that response was resolved under.</summary>
    public string? PolicyVersion { get; set; }

    /// <summary>The jurisdiction of the request the feedback came in.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>The facts established in that request (<see cref="Fact"/> bits).</summary>
    public long FactsKnown { get; set; }

    /// <summary>The facts that held in that request (<see cref="Fact"/> bits).</summary>
    public long FactsHolding { get; set; }
}
