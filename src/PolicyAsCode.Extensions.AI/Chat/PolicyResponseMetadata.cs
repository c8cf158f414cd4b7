using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>
/// Reads the policy's marks on an answer, alike for whole answers and for streamed answers turned into a
/// <see cref="ChatResponse"/> with <c>ToChatResponse()</c> (which puts an update's properties on its message, not on
/// the response). The middleware marks a whole answer on the response and on its last message, and a stream on its
/// last update.
/// </summary>
public static class PolicyResponseMetadata
{
    /// <summary>The refusal the middleware returned instead of this answer, or null.</summary>
    public static PolicyRefusal? GetPolicyRefusal(this ChatResponse response) => Find(response, PolicyChatClientOptions.RefusalKey) as PolicyRefusal;

    /// <summary>The refusal this update carries, or null.</summary>
    public static PolicyRefusal? GetPolicyRefusal(this ChatResponseUpdate update) =>
        update?.AdditionalProperties?.TryGetValue(PolicyChatClientOptions.RefusalKey, out var value) == true ? value as PolicyRefusal : null;

    /// <summary>The version of the policy that served this answer (allowed or refused), or null.</summary>
    public static string? GetPolicyVersion(this ChatResponse response) => Find(response, PolicyChatClientOptions.PolicyVersionKey) as string;

    /// <summary>The id of the decision that served this answer (allowed or refused), which feedback on it names; or null.</summary>
    public static string? GetDecisionId(this ChatResponse response) => Find(response, PolicyChatClientOptions.DecisionIdKey) as string;

    private static object? Find(ChatResponse? response, string key)
    {
        if (response is null)
        {
            return null;
        }

        if (response.AdditionalProperties?.TryGetValue(key, out var value) == true)
        {
            return value;
        }

        IList<ChatMessage> messages = response.Messages;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].AdditionalProperties?.TryGetValue(key, out value) == true)
            {
                return value;
            }
        }

        return null;
    }
}
