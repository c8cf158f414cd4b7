using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>What the middleware needs to know about one request: the user's requested preferences and the context.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
/// <param name="Preferences">The preferences the user asked for; null resolves every dimension fail-closed.</param>
/// <param name="Context">The jurisdiction and the facts established about the user.</param>
/// <param name="Unreadable">Dimensions whose value could not be read (they resolve fail-closed).</param>
public sealed record PolicyRequest<TPreferences>(TPreferences? Preferences, PolicyContext Context, DimensionSet Unreadable = default)
    where TPreferences : class;

/// <summary>Supplies the <see cref="PolicyRequest{TPreferences}"/> of each chat request: from a user store, the HTTP context, a token's claims...</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public interface IPreferencesAccessor<TPreferences>
    where TPreferences : class
{
    /// <summary>The preferences and context of the request being served.</summary>
    ValueTask<PolicyRequest<TPreferences>> GetAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);
}

/// <summary>
/// The default accessor: the request attached to the <see cref="ChatOptions"/> (<see cref="PolicyChatOptionsExtensions.WithPolicyRequest{TPreferences}(ChatOptions, TPreferences, PolicyContext)"/>),
/// else the ambient request (<see cref="AmbientPolicyRequest{TPreferences}.Begin(PolicyRequest{TPreferences})"/>), else the
/// policy's defaults in a context where nothing is known: no jurisdiction (every law applies) and no facts (every
/// conditional bound applies). An anonymous request therefore gets the strictest treatment the policy gives.
/// </summary>
public sealed class DefaultPreferencesAccessor<TPreferences> : IPreferencesAccessor<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <inheritdoc/>
    public ValueTask<PolicyRequest<TPreferences>> GetAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (options?.AdditionalProperties is { } properties
            && properties.TryGetValue(PolicyChatOptionsExtensions.RequestKey, out var attached)
            && attached is PolicyRequest<TPreferences> request)
        {
            return ValueTask.FromResult(request);
        }

        if (AmbientPolicyRequest<TPreferences>.Current is { } ambient)
        {
            return ValueTask.FromResult(ambient);
        }

        var anonymous = PolicyContext.In(null);
        return ValueTask.FromResult(new PolicyRequest<TPreferences>(TPreferences.Defaults(in anonymous), anonymous));
    }
}

/// <summary>The policy request of the current asynchronous flow, for hosts that know the user before the chat client is called.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public static class AmbientPolicyRequest<TPreferences>
    where TPreferences : class
{
    private static readonly AsyncLocal<PolicyRequest<TPreferences>?> Slot = new();

    /// <summary>The request of the current flow, or null.</summary>
    public static PolicyRequest<TPreferences>? Current => Slot.Value;

    /// <summary>Makes <paramref name="request"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(PolicyRequest<TPreferences> request)
    {
        var previous = Slot.Value;
        Slot.Value = request;
        return new Scope(previous);
    }

    /// <summary>Makes the preferences and context current until the returned scope is disposed.</summary>
    public static IDisposable Begin(TPreferences preferences, PolicyContext context) => Begin(new PolicyRequest<TPreferences>(preferences, context));

    private sealed class Scope(PolicyRequest<TPreferences>? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Slot.Value = previous;
            }
        }
    }
}

/// <summary>Attaches a policy request to <see cref="ChatOptions"/>.</summary>
public static class PolicyChatOptionsExtensions
{
    /// <summary>The key of <see cref="ChatOptions.AdditionalProperties"/> the request is stored under.</summary>
    public const string RequestKey = "policyascode.request";

    /// <summary>Stores the user's preferences and context on the options (creating its property bag if needed) and returns the options.</summary>
    public static ChatOptions WithPolicyRequest<TPreferences>(this ChatOptions options, TPreferences preferences, PolicyContext context)
        where TPreferences : class => options.WithPolicyRequest(new PolicyRequest<TPreferences>(preferences, context));

    /// <summary>Stores the request on the options (creating its property bag if needed) and returns the options.</summary>
    public static ChatOptions WithPolicyRequest<TPreferences>(this ChatOptions options, PolicyRequest<TPreferences> request)
        where TPreferences : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[RequestKey] = request;
        return options;
    }
}
