using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI;

/// <summary>A refusal the middleware returned instead of content, attached to the response under <see cref="PolicyChatClientOptions.RefusalKey"/>.</summary>
/// <param name="Stage">Whether the user's input or the model's output was refused.</param>
/// <param name="Decision">The decision: its tier and rule name who refused and why.</param>
/// <param name="Message">The message shown to the user.</param>
/// <param name="PolicyVersion">The policy version that refused.</param>
public sealed record PolicyRefusal(ContentStage Stage, Decision Decision, string Message, string PolicyVersion)
{
    /// <summary>The tier that refused, or null (an unknown hazard, an unresolved request).</summary>
    public TierInfo? Tier => Decision.Tier;
}
