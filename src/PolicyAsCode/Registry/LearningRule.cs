namespace PolicyAsCode;

/// <summary>
/// A law's or organisation's say on learning a dimension from feedback: <c>[NotLearnable]</c> (not learned wherever the
/// tier binds) or <c>[LearnWithin(lo, hi)]</c> (learned values stay in the range there). <see cref="LearningScope"/>
/// answers what they mean together.
/// </summary>
/// <param name="Tier">Index of the tier that wrote it.</param>
/// <param name="Dimension">Index of the dimension.</param>
/// <param name="NotLearnable">Whether it switches learning off; else it holds learned values to <paramref name="Range"/>.</param>
/// <param name="Range">The values learning may reach, on the dimension's lattice (its domain for <c>[NotLearnable]</c>).</param>
/// <param name="Source">The attribute as written, e.g. <c>LearnWithin(Verbosity.Concise, Verbosity.Balanced)</c>.</param>
/// <param name="Reason">Why, in words for the policy card and explanations.</param>
public sealed record LearningRule(int Tier, int Dimension, bool NotLearnable, Bound Range, string Source, string? Reason);
