using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PolicyAsCode.Documents;

namespace PolicyAsCode.AspNetCore;

// GET {prefix}/schema, {prefix}/explain and {prefix}/card: what the request's user may choose, and the policy that bounds them, in the
// request's jurisdiction and facts, from the snapshot in force (an overlay's narrowing included).
internal static class DocumentEndpoints<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    public static async Task<IResult> SchemaAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Text(PreferencesSchema.ToText(user.Snapshot.Registry, user.Context), "application/schema+json");
    }

    // For the settings page: each dimension's choices in the request's context, and the user's request and resolution.
    public static async Task<IResult> ExplainAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        var choices = PreferenceChoices.Create(user.Snapshot.Registry, user.Context);
        var explanation = choices.Explain(user.Stored is null ? null : user.Requested, user.Unreadable, user.Resolution);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Text(explanation.ToJsonString(), "application/json");
    }

    public static async Task<IResult> CardAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        var registry = user.Snapshot.Registry;
        var card = PolicyCard.Create(registry);

        // The user's jurisdiction alone; where none of the policy's matches, every law applies, so the card shows them all.
        var jurisdiction = registry.MatchJurisdiction(user.Context.Jurisdiction);
        if (jurisdiction >= 0)
        {
            card = card.For(registry.Jurisdictions[jurisdiction]);
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        return string.Equals(http.Request.Query["format"], "markdown", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(card.ToMarkdown(), "text/markdown; charset=utf-8")
            : Results.Text(card.ToJson(), "application/json");
    }
}
