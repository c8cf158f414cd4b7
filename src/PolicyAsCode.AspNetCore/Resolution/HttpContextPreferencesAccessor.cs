using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// The chat middleware's preferences in an ASP.NET Core app: a request attached to the chat options, else the current
/// HTTP request's user (their stored preferences in the request's context), else the strictest anonymous request
/// (<see cref="DefaultPreferencesAccessor{TPreferences}"/>).
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class HttpContextPreferencesAccessor<TPreferences>(IHttpContextAccessor http) : IPreferencesAccessor<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly DefaultPreferencesAccessor<TPreferences> _fallback = new();

    /// <inheritdoc/>
    public async ValueTask<PolicyRequest<TPreferences>> GetAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var attached = options?.AdditionalProperties?.ContainsKey(PolicyChatOptionsExtensions.RequestKey) == true;
        if (!attached && http.HttpContext?.RequestServices.GetService<CurrentResolution<TPreferences>>() is { } current)
        {
            var user = await current.GetAsync(cancellationToken).ConfigureAwait(false);
            return new PolicyRequest<TPreferences>(user.Requested, user.Context, user.Unreadable);
        }

        return await _fallback.GetAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }
}
