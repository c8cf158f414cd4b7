using System;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

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
