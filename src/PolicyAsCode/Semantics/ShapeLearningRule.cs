namespace PolicyAsCode;

/// <summary>
/// One learning rule as the semantics see it: a law or organisation says, wherever it binds, that a dimension is not
/// learned (<c>[NotLearnable]</c>) or that learned values stay within a range (<c>[LearnWithin(lo, hi)]</c>).
/// </summary>
/// <param name="Tier">The tier that wrote it.</param>
/// <param name="Dimension">The dimension it concerns.</param>
/// <param name="NotLearnable">Whether it switches learning off; else it holds learning to <paramref name="Range"/>.</param>
/// <param name="Range">The values learning may reach (the domain for a <c>[NotLearnable]</c> rule).</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct ShapeLearningRule(int Tier, int Dimension, bool NotLearnable, Bound Range);
