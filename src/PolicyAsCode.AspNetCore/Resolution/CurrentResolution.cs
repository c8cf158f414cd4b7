using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAsCode.Json;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// The current request's <see cref="UserResolution{TPreferences}"/>, made the first time it is asked for and shared by
/// everything else in the request (a scoped service): one snapshot, one read of the store, one resolution. When
/// decision records are added (<c>AddDecisionRecords</c>), that resolution is recorded.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class CurrentResolution<TPreferences>(
    IHttpContextAccessor http,
    PolicyEngine<TPreferences> engine,
    IPolicyContextResolver contexts,
    IOptions<PolicyAspNetCoreOptions> options,
    IServiceProvider services)
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private Task<UserResolution<TPreferences>>? _resolution;

    /// <summary>The request's resolution, made on first use.</summary>
    /// <exception cref="InvalidOperationException">Outside an HTTP request.</exception>
    public ValueTask<UserResolution<TPreferences>> GetAsync(CancellationToken cancellationToken = default) =>
        new(_resolution ??= ResolveAsync(cancellationToken));

    /// <summary>
    /// Makes the request's resolution again (the snapshot in force, the store read again), for a handler that has just
    /// changed what it depends on (feedback given, a learned value undone); later <see cref="GetAsync"/> calls return it.
    /// </summary>
    public ValueTask<UserResolution<TPreferences>> RefreshAsync(CancellationToken cancellationToken = default) =>
        new(_resolution = ResolveAsync(cancellationToken));

    /// <summary>The signed-in user's id in <paramref name="http"/>, or null when the request is anonymous.</summary>
    public static string? UserIdOf(HttpContext http, PolicyAspNetCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        return http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(options.UserIdClaim)?.Value is { Length: > 0 } id ? id : null;
    }

    private async Task<UserResolution<TPreferences>> ResolveAsync(CancellationToken cancellationToken)
    {
        var request = http.HttpContext ?? throw new InvalidOperationException("CurrentResolution is used outside an HTTP request.");
        var snapshot = engine.Current;
        var context = await contexts.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var userId = UserIdOf(request, options.Value);
        StoredPreferences? stored = null;
        if (userId is not null && services.GetService<IPreferencesStore>() is { } store)
        {
            stored = await store.FindAsync(TPreferences.Registry.Name, userId, cancellationToken).ConfigureAwait(false);
        }

        var read = stored is null
            ? new PreferencesReadResult<TPreferences>(snapshot.Defaults(context), default, [], false)
            : TPreferences.ReadPreferences(Encoding.UTF8.GetBytes(stored.Json), context);
        // Explicit > learned > default: learned values fill what the user did not set, then resolve like any request.
        var layered = await LearnedLayering.ComposeAsync(services, snapshot, context, userId, stored, read.Requested, cancellationToken).ConfigureAwait(false);
        var resolution = snapshot.Resolve(layered.Requested, context, read.Unreadable);
        PolicyObservers.From<TPreferences>(services)?.OnResolution(snapshot, layered.Requested, read.Unreadable, context, in resolution);
        services.GetService<PolicyDecisionRecorder>()?.RecordResolution(snapshot, context, layered.Requested, read.Unreadable, in resolution);
        return new UserResolution<TPreferences>(snapshot, context, userId, stored, layered.Requested, read.Unreadable, read.Errors, resolution)
        {
            Learned = layered.Learned,
            History = layered.History,
        };
    }
}
