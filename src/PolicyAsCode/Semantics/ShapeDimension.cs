namespace PolicyAsCode;

/// <summary>One dimension as the semantics see it: its lattice's domain and which end of it is strictest.</summary>
/// <param name="Domain">Every value of the dimension's type.</param>
/// <param name="HigherIsStricter">Whether the highest values are the strictest.</param>
/// <param name="Learnable">Whether the user tier marks it <c>[Learnable]</c> (<see cref="LearningScope"/>).</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeDimension(Bound Domain, bool HigherIsStricter, bool Learnable = false);
