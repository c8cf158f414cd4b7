namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>One row of <c>policy_learning_resets</c>: a user's undo of what was learned on one dimension.</summary>
public sealed class LearningResetRecord
{
    /// <summary>The policy's name.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The user.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The dimension's name.</summary>
    public string Dimension { get; set; } = "";

    /// <summary>When, in microseconds since 1970-01-01 UTC.</summary>
    public long AtMicroseconds { get; set; }
}
