using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Options of <see cref="PolicyChatClient{TPreferences}"/>.</summary>
public sealed class PolicyChatClientOptions
{
    /// <summary>The key of <see cref="ChatResponse.AdditionalProperties"/> (and of the refusal update's) holding the <see cref="PolicyRefusal"/>.</summary>
    public const string RefusalKey = "policyascode.refusal";

    /// <summary>The key of <see cref="ChatResponse.AdditionalProperties"/> holding the policy version that served the request.</summary>
    public const string PolicyVersionKey = "policyascode.policy.version";

    /// <summary>
    /// The key of <see cref="ChatResponse.AdditionalProperties"/> holding the id of the request's decision: the id of its
    /// resolution's decision record when records are kept (<c>AddDecisionRecords</c>), else a new id of the same form
    /// (a version 7 UUID). Feedback on the answer names it (<c>FeedbackEvent.DecisionId</c>).
    /// </summary>
    public const string DecisionIdKey = "policyascode.decision.id";

    /// <summary>Where the rendered instructions go (a system message by default).</summary>
    public InstructionPlacement InstructionPlacement { get; set; } = InstructionPlacement.SystemMessage;

    /// <summary>Whether the user's input is classified before it reaches the model (on by default).</summary>
    public bool ClassifyInput { get; set; } = true;

    /// <summary>Whether the model's output is classified before it reaches the user (on by default).</summary>
    public bool ClassifyOutput { get; set; } = true;

    /// <summary>
    /// Streaming: text is held back until it reaches a sentence boundary (<c>.</c>, <c>!</c>, <c>?</c>, a line break)
    /// with at least this many characters held, then the whole answer so far is classified and, if allowed, the held
    /// updates are released. Default 40.
    /// </summary>
    public int StreamingMinimumCharacters { get; set; } = 40;

    /// <summary>Streaming: held text is classified and released once it reaches this many characters, even without a sentence boundary. Default 400.</summary>
    public int StreamingMaximumCharacters { get; set; } = 400;
}
