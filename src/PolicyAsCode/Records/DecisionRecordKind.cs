namespace PolicyAsCode.Records;

/// <summary>What a decision record records.</summary>
public enum DecisionRecordKind
{
    /// <summary>One resolution: a user's effective preferences in one context (<c>"resolution"</c>).</summary>
    Resolution,

    /// <summary>One decision on content, with the resolution it was made against (<c>"decision"</c>).</summary>
    Decision,
}
