using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAsCode.Json;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore;

// POST {prefix}/feedback, GET {prefix}/learned and DELETE {prefix}/learned/{dimension}: the signed-in user's own
// feedback and what was learned from it, never anybody else's (the user id comes from the authenticated principal only).
internal static class FeedbackEndpoints<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    public static async Task<IResult> PostAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        if (Unavailable(http) is { } problem)
        {
            return problem;
        }

        if (!JsonBody.IsJson(http.Request.ContentType))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "content-type", "Send JSON", "Feedback is sent as application/json, in UTF-8.");
        }

        var bytes = await JsonBody.ReadAsync(http.Request, FeedbackBody.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too-large", "The feedback is too large", $"Feedback is at most {FeedbackBody.MaxBytes} bytes.");
        }

        var learning = http.RequestServices.GetRequiredService<FeedbackLearning>();
        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        var body = FeedbackBody.Read(user.Snapshot.Registry, bytes, learning.Options.MaxReasonLength);
        if (body.Errors.Count > 0)
        {
            var errors = new JsonArray();
            foreach (var error in body.Errors)
            {
                errors.Add((JsonNode)new JsonObject { ["path"] = error.Path, ["kind"] = error.Kind, ["message"] = error.Message });
            }

            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "unreadable-feedback", "The feedback does not read",
                "Nothing was stored. Each error names where in the body it is.", new JsonObject { ["errors"] = errors });
        }

        // The context is the request's, as established, never the body's. A reason is kept only with consent.
        var context = user.Context;
        var reasonKept = body.Reason is not null && context.Establishes(learning.Options.ConsentFact);
        var now = learning.Time.GetUtcNow();
        var feedback = new FeedbackEvent(
            Guid.CreateVersion7(now).ToString(), user.UserId!, now, body.Nudges, body.Rating, reasonKept ? body.Reason : null,
            body.DecisionId, body.PolicyVersion ?? user.Snapshot.Version, context.Jurisdiction, context.Known, context.Known & context.Facts);
        var store = http.RequestServices.GetRequiredService<IFeedbackStore>();
        await store.AppendAsync(TPreferences.Registry.Name, feedback, cancellationToken).ConfigureAwait(false);

        var after = await current.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var result = LearnedJson.Of(after);
        result["id"] = feedback.Id;
        result["reasonKept"] = reasonKept;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(result.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        if (Unavailable(http) is { } problem)
        {
            return problem;
        }

        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(LearnedJson.Of(user).ToJsonString(), "application/json");
    }

    // Undo: feedback on the dimension given before now stops counting; the feedback itself is kept.
    public static async Task<IResult> DeleteAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        if (Unavailable(http) is { } problem)
        {
            return problem;
        }

        var name = http.Request.RouteValues["dimension"] as string;
        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        DimensionInfo? dimension = null;
        foreach (var candidate in user.Snapshot.Registry.Dimensions)
        {
            if (string.Equals(PreferenceNames.JsonName(candidate.Name), name, StringComparison.Ordinal))
            {
                dimension = candidate;
            }
        }

        if (dimension is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "unknown-dimension", "No such dimension", $"The policy has no dimension '{name}'.");
        }

        var learning = http.RequestServices.GetRequiredService<FeedbackLearning>();
        var store = http.RequestServices.GetRequiredService<IFeedbackStore>();
        await store.ResetAsync(TPreferences.Registry.Name, user.UserId!, new LearningReset(dimension.Name, learning.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var after = await current.RefreshAsync(cancellationToken).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(LearnedJson.Of(after).ToJsonString(), "application/json");
    }

    // Anonymous requests have no feedback: there is no user to key it by.
    private static IResult? Unavailable(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<PolicyAspNetCoreOptions>>().Value;
        if (CurrentResolution<TPreferences>.UserIdOf(http, options) is null)
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "sign-in-required", "Sign in", "Feedback belongs to a signed-in user.");
        }

        return http.RequestServices.GetService<IFeedbackStore>() is null
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "no-feedback-store", "No feedback store",
                "The application registered no IFeedbackStore (for example AddSqliteStore).")
            : null;
    }
}
