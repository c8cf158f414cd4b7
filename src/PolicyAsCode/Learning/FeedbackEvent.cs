using System;
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>
/// One piece of feedback a user gave about a response, with the context it was given in. Only the nudges teach the
/// learner; the rest is provenance (which response, under which policy version) and, with consent, training data.
/// </summary>
/// <param name="Id">A unique id, cited by every change it causes.</param>
/// <param name="UserId">Whose feedback it is.</param>
/// <param name="At">When it was given.</param>
/// <param name="Nudges">What it says about dimensions.</param>
/// <param name="Rating">-1 thumbs down, +1 thumbs up, or null.</param>
/// <param name="Reason">Free text; kept and exported only with consent (<see cref="Fact.ConsentsToFeedbackTraining"/>).</param>
/// <param name="DecisionId">The decision record or response the feedback is about.</param>
/// <param name="PolicyVersion">The policy version that response was resolved under.</param>
/// <param name="Jurisdiction">The jurisdiction of the request it was given in.</param>
/// <param name="FactsKnown">The facts established about that request.</param>
/// <param name="FactsHolding">Of those, the facts that held.</param>
public sealed record FeedbackEvent(
    string Id,
    string UserId,
    DateTimeOffset At,
    IReadOnlyList<DimensionNudge> Nudges,
    int? Rating = null,
    string? Reason = null,
    string? DecisionId = null,
    string? PolicyVersion = null,
    string? Jurisdiction = null,
    Fact FactsKnown = Fact.None,
    Fact FactsHolding = Fact.None)
{
    /// <summary>The request context the feedback was given in.</summary>
    public PolicyContext Context => new(Jurisdiction, FactsHolding & FactsKnown, FactsKnown);

    /// <summary>Whether the user consented, in that context, to their feedback being used for training: the fact is known to hold.</summary>
    public bool ConsentsToTraining => Context.Establishes(Fact.ConsentsToFeedbackTraining);
}
