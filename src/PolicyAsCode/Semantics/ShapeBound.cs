namespace PolicyAsCode;

/// <summary>One bound as the semantics see it: who set it on what, what it allows, when, and who may waive it.</summary>
/// <param name="Index">Its position in the canonical bound order (by tier, higher ranks first, then as written).</param>
/// <param name="Dimension">The dimension it narrows.</param>
/// <param name="Tier">The tier that set it.</param>
/// <param name="Bound">The values it allows.</param>
/// <param name="Condition">When it applies.</param>
/// <param name="WaivableBy">The one lower rank that may waive it, or null.</param>
/// <param name="UnderLaw">
/// A law tier the bound is confined to (a runtime overlay's entry for one jurisdiction): it binds only where that law
/// applies (<see cref="PolicyShape.TierApplies"/>), so an entry for EU binds in DE too and every entry binds where no
/// jurisdiction matched. -1, as for every bound a policy is compiled with: wherever its own tier applies.
/// </param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeBound(int Index, int Dimension, int Tier, Bound Bound, Condition Condition, TierRank? WaivableBy, int UnderLaw = -1);
