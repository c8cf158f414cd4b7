namespace PolicyAsCode.Extensions.AI;

/// <summary>What the middleware needs to know about one request: the user's requested preferences and the context.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
/// <param name="Preferences">The preferences the user asked for; null resolves every dimension fail-closed.</param>
/// <param name="Context">The jurisdiction and the facts established about the user.</param>
/// <param name="Unreadable">Dimensions whose value could not be read (they resolve fail-closed).</param>
public sealed record PolicyRequest<TPreferences>(TPreferences? Preferences, PolicyContext Context, DimensionSet Unreadable = default)
    where TPreferences : class;
