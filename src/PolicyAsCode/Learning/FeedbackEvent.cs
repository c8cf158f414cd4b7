// serve: placeholder until learn merges
using System;
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>One piece of a user's feedback about a response.</summary>
/// <param name="Id">Unique id of the event.</param>
/// <param name="UserId">The user who gave it.</param>
/// <param name="At">When it was given.</param>
/// <param name="Nudges">The dimensions it asks to move.</param>
/// <param name="Rating">-1 thumbs down, +1 thumbs up, or null.</param>
/// <param name="Reason">Free text; kept and exported only with consent.</param>
/// <param name="DecisionId">The decision record (or response) the feedback is about.</param>
/// <param name="PolicyVersion">The policy version the response was resolved under.</param>
/// <param name="Jurisdiction">The jurisdiction of the context it was given in.</param>
/// <param name="FactsKnown">The facts established in that context.</param>
/// <param name="FactsHolding">The facts that held in that context.</param>
public sealed record FeedbackEvent(
    string Id, string UserId, DateTimeOffset At,
    IReadOnlyList<DimensionNudge> Nudges,
    int? Rating = null,
    string? Reason = null,
    string? DecisionId = null,
    string? PolicyVersion = null,
    string? Jurisdiction = null, Fact FactsKnown = Fact.None, Fact FactsHolding = Fact.None);
