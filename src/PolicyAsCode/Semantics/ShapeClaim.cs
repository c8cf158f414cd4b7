namespace PolicyAsCode;

/// <summary>A lower tier's claim, on one dimension, of the waiver a higher tier's bounds may delegate to it.</summary>
/// <param name="Claimant">The tier claiming the waiver.</param>
/// <param name="Dimension">The dimension.</param>
/// <param name="Waived">The higher tier whose waivable bounds it waives.</param>
/// <param name="Condition">When the waiver holds: its facts must be established, never assumed.</param>
/// <param name="IsDelegated">Whether the higher tier delegated a waiver on this dimension to the claimant's rank.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeClaim(int Claimant, int Dimension, int Waived, Condition Condition, bool IsDelegated);
