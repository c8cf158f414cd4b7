using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>
/// One line of a feedback export (<see cref="FeedbackExport"/>): a consented feedback event, pseudonymised and redacted.
/// Ids are keyed hashes, so records of one user link to each other and to nothing else; time is kept to the day.
/// </summary>
/// <param name="User">The user's pseudonym.</param>
/// <param name="Event">The event's pseudonym.</param>
/// <param name="Day">The day it was given, yyyy-MM-dd (UTC).</param>
/// <param name="Jurisdiction">The jurisdiction it was given in, or null.</param>
/// <param name="Facts">The facts that held about the user then (names of <see cref="Fact"/>), consent among them.</param>
/// <param name="Nudges">What it said about dimensions not redacted.</param>
/// <param name="Rating">-1, +1 or null.</param>
/// <param name="Reason">The user's own words, when kept.</param>
/// <param name="Decision">The pseudonym of the decision it is about, or null.</param>
/// <param name="PolicyVersion">The policy version the response was resolved under, or null.</param>
public sealed record ExportedFeedback(
    string User,
    string Event,
    string Day,
    string? Jurisdiction,
    IReadOnlyList<string> Facts,
    IReadOnlyList<ExportedNudge> Nudges,
    int? Rating,
    string? Reason,
    string? Decision,
    string? PolicyVersion);
