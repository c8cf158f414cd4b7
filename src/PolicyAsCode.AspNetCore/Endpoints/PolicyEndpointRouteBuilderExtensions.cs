using System;
using Microsoft.AspNetCore.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode;
using PolicyAsCode.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a policy's endpoints with minimal APIs.</summary>
public static class PolicyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>GET schema</c>, <c>GET card</c> and <c>GET explain</c> (for the request's
    /// jurisdiction and facts; anonymous users get the defaults), <c>GET</c> and <c>PUT preferences</c> (the signed-in
    /// user's own record only; 401 for anyone else), the settings page at <c>GET settings</c>, and with
    /// <c>AddFeedbackLearning</c> <c>POST feedback</c>, <c>GET learned</c> and <c>DELETE learned/{dimension}</c> (the
    /// signed-in user's own only). Needs
    /// <c>AddPolicy&lt;TPreferences&gt;().AddAspNetCore()</c> and, for the preferences, a store.
    /// </summary>
    /// <returns>The group, to add authorisation, rate limits or CORS to every endpoint at once.</returns>
    public static RouteGroupBuilder MapPolicy<TPreferences>(this IEndpointRouteBuilder endpoints, string prefix = "/policy")
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("schema", Handle<TPreferences>(DocumentEndpoints<TPreferences>.SchemaAsync)).WithName(Name<TPreferences>("schema"));
        group.MapGet("explain", Handle<TPreferences>(DocumentEndpoints<TPreferences>.ExplainAsync)).WithName(Name<TPreferences>("explain"));
        group.MapGet("card", Handle<TPreferences>(DocumentEndpoints<TPreferences>.CardAsync)).WithName(Name<TPreferences>("card"));
        group.MapGet("preferences", Handle<TPreferences>(PreferencesEndpoints<TPreferences>.GetAsync)).WithName(Name<TPreferences>("preferences"));
        group.MapPut("preferences", Handle<TPreferences>(PreferencesEndpoints<TPreferences>.PutAsync)).WithName(Name<TPreferences>("save-preferences"));
        // Feedback and what was learned from it only where AddFeedbackLearning asked for them.
        if (endpoints.ServiceProvider.GetService<FeedbackLearning>() is not null)
        {
            group.MapPost("feedback", Handle<TPreferences>(FeedbackEndpoints<TPreferences>.PostAsync)).WithName(Name<TPreferences>("feedback"));
            group.MapGet("learned", Handle<TPreferences>(FeedbackEndpoints<TPreferences>.GetAsync)).WithName(Name<TPreferences>("learned"));
            group.MapDelete("learned/{dimension}", Handle<TPreferences>(FeedbackEndpoints<TPreferences>.DeleteAsync)).WithName(Name<TPreferences>("undo-learned"));
        }

        group.MapSettingsPage();
        return group;
    }

    // Plain request delegates (no reflection over handler signatures), so the package stays trimmable and AOT-safe.
    private static RequestDelegate Handle<TPreferences>(Func<HttpContext, CurrentResolution<TPreferences>, CancellationToken, Task<IResult>> endpoint)
        where TPreferences : class, IUserTierPolicy<TPreferences> =>
        async http =>
        {
            var current = http.RequestServices.GetRequiredService<CurrentResolution<TPreferences>>();
            var result = await endpoint(http, current, http.RequestAborted).ConfigureAwait(false);
            await result.ExecuteAsync(http).ConfigureAwait(false);
        };

    private static string Name<TPreferences>(string endpoint)
        where TPreferences : class, IUserTierPolicy<TPreferences> =>
        "policy:" + TPreferences.Registry.Name + ":" + endpoint;
}
