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
    /// user's own record only; 401 for anyone else), and the settings page at <c>GET settings</c>. Needs
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
