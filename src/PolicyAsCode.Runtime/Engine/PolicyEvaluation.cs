namespace PolicyAsCode.Runtime;

/// <summary>A resolution and a decision made together by one snapshot.</summary>
/// <param name="Snapshot">The policy version that made them.</param>
/// <param name="Resolution">The user's effective preferences.</param>
/// <param name="Decision">The decision on the content.</param>
public readonly record struct PolicyEvaluation<TPreferences>(PolicySnapshot<TPreferences> Snapshot, Resolution<TPreferences> Resolution, Decision Decision)
    where TPreferences : class, IUserTierPolicy<TPreferences>;
