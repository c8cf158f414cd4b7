using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

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
