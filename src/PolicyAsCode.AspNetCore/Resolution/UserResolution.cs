using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Json;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// The current request's user under the policy: the one snapshot everything in the request uses, the context, the
/// user's stored record, what it asks for, and the resolution. A minimal-API handler takes it as a parameter.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
/// <param name="Snapshot">The policy version the request is served under.</param>
/// <param name="Context">The request's jurisdiction and facts.</param>
/// <param name="UserId">The signed-in user's id, or null for an anonymous request.</param>
/// <param name="Stored">The user's stored record, or null when there is none (or the request is anonymous).</param>
/// <param name="Requested">What the user asks for: the stored document as read, else the defaults for the context; with
/// <c>AddFeedbackLearning</c>, what was learned fills the dimensions the user did not set (<see cref="Learned"/>).</param>
/// <param name="Unreadable">Dimensions of the stored document that no longer read (they resolve fail-closed).</param>
/// <param name="Errors">Why they do not read.</param>
/// <param name="Resolution">The effective preferences, with every adjustment.</param>
public sealed record UserResolution<TPreferences>(
    PolicySnapshot<TPreferences> Snapshot,
    PolicyContext Context,
    string? UserId,
    StoredPreferences? Stored,
    TPreferences Requested,
    DimensionSet Unreadable,
    IReadOnlyList<PreferenceError> Errors,
    Resolution<TPreferences> Resolution)
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>
    /// With <c>AddFeedbackLearning</c> and a signed-in user: the learned values <see cref="Requested"/> holds, and those it
    /// does not (an explicit choice, a dimension not learnable here), each explained. Null otherwise.
    /// </summary>
    public PolicyAsCode.Learning.LearnedRequest<TPreferences>? Learned { get; init; }

    /// <summary>The feedback history <see cref="Learned"/> was learned from (for naming what caused each change).</summary>
    internal PolicyAsCode.Learning.FeedbackHistory? History { get; init; }

    /// <summary>Whether the stored record was written under another policy version than the one in force.</summary>
    public bool PolicyChangedSinceSaved => Stored is { } stored && !string.Equals(stored.PolicyVersion, Snapshot.Version, StringComparison.Ordinal);

    /// <summary>Binds a minimal-API parameter: the request's resolution, made once per request.</summary>
    public static async ValueTask<UserResolution<TPreferences>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.RequestServices.GetRequiredService<CurrentResolution<TPreferences>>();
        return await current.GetAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
