using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAsCode.Json;

namespace PolicyAsCode.AspNetCore;

// GET and PUT {prefix}/preferences: the signed-in user's own record, and nobody else's (the user id comes from the
// authenticated principal, never from the request).
internal static class PreferencesEndpoints<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    public static async Task<IResult> GetAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        if (Unavailable(http) is { } problem)
        {
            return problem;
        }

        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        return Ok(http, user, null);
    }

    public static async Task<IResult> PutAsync(HttpContext http, CurrentResolution<TPreferences> current, CancellationToken cancellationToken)
    {
        if (Unavailable(http) is { } problem)
        {
            return problem;
        }

        if (!JsonBody.IsJson(http.Request.ContentType))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "content-type", "Send JSON",
                "A preferences document is sent as application/json, in UTF-8.");
        }

        var body = await JsonBody.ReadAsync(http.Request, PreferencesReaderOptions.DefaultMaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too-large", "The document is too large",
                $"A preferences document is at most {PreferencesReaderOptions.DefaultMaxBytes} bytes.");
        }

        var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
        var read = TPreferences.ReadPreferences(body, user.Context);
        var storeReadable = http.RequestServices.GetRequiredService<IOptions<PolicyAspNetCoreOptions>>().Value.AllowStoringReadablePart
            && string.Equals(http.Request.Query["storeReadable"], "true", StringComparison.OrdinalIgnoreCase);
        // Only what the document set and could be read is stored; with nothing of that, there is nothing to store.
        var json = ReadablePart.Of(body, read.Requested, read.Unreadable);
        if (!read.IsValid && (!storeReadable || json == "{}"))
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "unreadable-preferences", "The preferences do not read",
                "Nothing was stored. Each error names where in the document it is; send ?storeReadable=true to store the rest.",
                new JsonObject { ["errors"] = Problems.Errors(read.Errors), ["tooManyErrors"] = read.TooManyErrors });
        }

        if (Replaces(http.Request, user.Stored) is not { } replaces)
        {
            return user.Stored is null
                ? Problems.Of(StatusCodes.Status412PreconditionFailed, "stale-revision", "Nothing is stored yet", "Send no If-Match header to store the first preferences.")
                : Stale(http, user.Stored, "If-Match names another revision: the preferences changed since they were read. Read them again.");
        }

        if (replaces < 0)
        {
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "if-match-required", "Say which revision this replaces",
                "Preferences are stored already: send If-Match with the ETag of GET preferences, so a save never overwrites one it did not see.");
        }

        var store = http.RequestServices.GetRequiredService<IPreferencesStore>();
        var save = await store.SaveAsync(TPreferences.Registry.Name, user.UserId!, json, user.Snapshot.Version, replaces, cancellationToken).ConfigureAwait(false);
        if (!save.Saved)
        {
            return save.Current is { } newer
                ? Stale(http, newer, "Another save came first. Read the preferences again.")
                : Problems.Of(StatusCodes.Status412PreconditionFailed, "stale-revision", "The preferences were deleted", "Send no If-Match header to store them anew.");
        }

        // Resolved again on the same snapshot and context, from what was stored (the readable part alone).
        var saved = TPreferences.ReadPreferences(System.Text.Encoding.UTF8.GetBytes(json), user.Context);
        // What is learned is layered again: the save may have made a learned dimension explicit.
        var layered = await LearnedLayering.ComposeAsync(http.RequestServices, user.Snapshot, user.Context, user.UserId, save.Current, saved.Requested, cancellationToken).ConfigureAwait(false);
        var resolution = user.Snapshot.Resolve(layered.Requested, user.Context, saved.Unreadable);
        var now = user with
        {
            Stored = save.Current, Requested = layered.Requested, Unreadable = saved.Unreadable, Errors = saved.Errors, Resolution = resolution,
            Learned = layered.Learned, History = layered.History,
        };
        return Ok(http, now, read.IsValid ? null : read.Errors);
    }

    private static IResult Ok(HttpContext http, UserResolution<TPreferences> user, System.Collections.Generic.IReadOnlyList<PreferenceError>? notStored)
    {
        http.Response.Headers.ETag = ETag(user.Stored?.Revision ?? 0);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(PreferencesResponse.Of(user, notStored).ToJsonString(), "application/json");
    }

    private static IResult Stale(HttpContext http, StoredPreferences current, string detail)
    {
        http.Response.Headers.ETag = ETag(current.Revision);
        return Problems.Of(StatusCodes.Status412PreconditionFailed, "stale-revision", "The preferences changed", detail,
            new JsonObject { ["revision"] = current.Revision });
    }

    // Anonymous requests never reach a record: there is no user to key it by.
    private static IResult? Unavailable(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<PolicyAspNetCoreOptions>>().Value;
        if (CurrentResolution<TPreferences>.UserIdOf(http, options) is null)
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "sign-in-required", "Sign in", "Preferences belong to a signed-in user.");
        }

        return http.RequestServices.GetService<IPreferencesStore>() is null
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "no-store", "No preferences store",
                "The application registered no IPreferencesStore (for example AddSqliteStore).")
            : null;
    }

    private static string ETag(long revision) => "\"" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    // The revision a save replaces: -1 when a record exists and If-Match is missing (the caller must say); null when
    // If-Match does not name the stored revision.
    private static long? Replaces(HttpRequest request, StoredPreferences? stored)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return stored is null ? 0 : -1;
        }

        var current = ETag(stored?.Revision ?? 0);
        foreach (var value in ifMatch)
        {
            foreach (var tag in (value ?? string.Empty).Split(','))
            {
                var trimmed = tag.Trim();
                if (trimmed == current || (trimmed == "*" && stored is not null))
                {
                    return stored?.Revision ?? 0;
                }
            }
        }

        return null;
    }
}
