using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Supplies the <see cref="PolicyRequest{TPreferences}"/> of each chat request: from a user store, the HTTP context, a token's claims...</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public interface IPreferencesAccessor<TPreferences>
    where TPreferences : class
{
    /// <summary>The preferences and context of the request being served.</summary>
    ValueTask<PolicyRequest<TPreferences>> GetAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);
}
