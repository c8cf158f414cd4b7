using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// Serves the settings page under a policy's prefix: <c>GET {prefix}/settings</c> (the page) and
/// <c>GET {prefix}/settings/{asset}</c> (its stylesheet and script). The page is static; it reads the user's
/// explanation and preferences from the sibling endpoints with relative URLs, so it works under any prefix.
/// </summary>
internal static class SettingsPage
{
    // Nothing inline and nothing from elsewhere: the page's script and stylesheet are its own files, and it talks
    // only to its own origin. A page that cannot run injected script cannot be made to save what the user did not pick.
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Lazy<SettingsAssets> Assets = new(SettingsAssets.Load);

    /// <summary>Maps the settings page and its assets on <paramref name="group"/> (the policy's prefix); the page itself is public.</summary>
    internal static RouteGroupBuilder MapSettingsPage(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("settings", ServePage).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("settings/{asset}", ServeAsset).AllowAnonymous().ExcludeFromDescription();
        return group;
    }

    private static Task ServePage(HttpContext http)
    {
        // "{prefix}/settings/" would resolve the page's relative URLs one level too deep: send the browser to the
        // canonical address, relatively, so no host or prefix is ever taken from the request.
        if (http.Request.Path.Value is { } path && path.EndsWith('/'))
        {
            http.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            http.Response.Headers.Location = "../settings" + http.Request.QueryString;
            return Task.CompletedTask;
        }

        return Serve(http, Assets.Value.Page, immutable: false);
    }

    private static Task ServeAsset(HttpContext http)
    {
        var name = http.Request.RouteValues["asset"] as string;
        if (name is null || Assets.Value.Find(name) is not { } asset)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        // The page links each asset with its version (?v=<hash>); only a request for exactly that version may be
        // cached for good, anything else is revalidated.
        var immutable = http.Request.Query["v"] is [{ } version] && version == asset.Version;
        return Serve(http, asset, immutable);
    }

    private static Task Serve(HttpContext http, SettingsAsset asset, bool immutable)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag)).ExecuteAsync(http);
    }
}
