using System;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI;

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
