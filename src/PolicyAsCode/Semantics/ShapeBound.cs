namespace PolicyAsCode;

/// <summary>One bound as the semantics see it: who set it on what, what it allows, when, and who may waive it.</summary>
/// <param name="Index">Its position in the canonical bound order (by tier, higher ranks first, then as written).</param>
/// <param name="Dimension">The dimension it narrows.</param>
/// <param name="Tier">The tier that set it.</param>
/// <param name="Bound">The values it allows.</param>
/// <param name="Condition">When it applies.</param>
/// <param name="WaivableBy">The one lower rank that may waive it, or null.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeBound(int Index, int Dimension, int Tier, Bound Bound, Condition Condition, TierRank? WaivableBy);
