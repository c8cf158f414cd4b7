using System;
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

/// <summary>Writes the message a user sees when content is refused. Replace it to change wording or language.</summary>
public interface IRefusalMessageRenderer
{
    /// <summary>The message for a refusal at <paramref name="stage"/> by <paramref name="decision"/> under <paramref name="registry"/>.</summary>
    string Render(ContentStage stage, in Decision decision, PolicyRegistry registry);
}

/// <summary>
/// The default refusal messages, naming the tier that refused: "the law of EU does not allow ...", "the law of DE within
/// EU does not allow ..." (a law names the laws it sits within, as <see cref="TierInfo.ToString"/> words it), "your
/// organisation (acme) does not allow ...", "your own settings ask to avoid ...".
/// </summary>
public sealed class DefaultRefusalMessageRenderer : IRefusalMessageRenderer
{
    /// <inheritdoc/>
    public string Render(ContentStage stage, in Decision decision, PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var opening = stage == ContentStage.Input ? "I can't help with that request" : "I can't share that answer";
        var categories = string.Join(" or ", HazardDescriptions.Titles(registry, decision.Hazards));
        var reason = decision.Rule?.Reason is { Length: > 0 } r && decision.Rule.Dimension is null ? $" ({r})" : string.Empty;
        var tier = decision.Tier;
        return decision.Cause switch
        {
            DecisionCause.Forbidden when decision.Rule?.Dimension is not null =>
                $"{opening}: your own settings ask to avoid content about {categories}.",
            DecisionCause.Forbidden when tier?.Rank == TierRank.Immutable =>
                $"{opening}: the {tier} does not allow content about {categories}{reason}.",
            DecisionCause.Forbidden when tier?.Rank == TierRank.Organisation =>
                $"{opening}: your organisation ({tier.Name}) does not allow content about {categories}{reason}.",
            DecisionCause.Forbidden =>
                $"{opening}: your settings do not allow content about {categories}{reason}.",
            DecisionCause.UnknownHazard =>
                $"{opening}: the content could not be checked safely, so it was withheld.",
            _ => $"{opening}: your preferences could not be resolved, so nothing was sent.",
        };
    }
}
