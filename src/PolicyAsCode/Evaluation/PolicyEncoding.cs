using System;

namespace PolicyAsCode;

/// <summary>The <see cref="IPolicyEncoding{TPreferences}"/> of a compiled policy: its registry (or an overlaid one) and its generated encoder.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyEncoding<TPreferences> : IPolicyEncoding<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>Explains against <paramref name="registry"/>: the compiled policy's, or the one an overlay put in force.</summary>
    public PolicyEncoding(PolicyRegistry registry) => Registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>The compiled policy's encoding, which every resolution of its generated evaluator keeps.</summary>
    public static PolicyEncoding<TPreferences> Compiled { get; } = new(TPreferences.Registry);

    /// <inheritdoc/>
    public PolicyRegistry Registry { get; }

    /// <inheritdoc/>
    public DimensionValue[] Encode(TPreferences preferences) => TPreferences.Encode(preferences);
}
