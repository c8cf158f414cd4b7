namespace PolicyAsCode.Generators.Model;

/// <summary>A law's or organisation's <c>[NotLearnable]</c> or <c>[LearnWithin(lo, hi)]</c> on a dimension.</summary>
/// <param name="Tier">Tier index.</param>
/// <param name="Dimension">Dimension index.</param>
/// <param name="NotLearnable">Whether it switches learning off; else it holds learning to <paramref name="Range"/>.</param>
/// <param name="Range">The values learning may reach (the domain for <c>[NotLearnable]</c>).</param>
/// <param name="Source">The attribute as written.</param>
/// <param name="Reason">Why.</param>
/// <param name="Location">The attribute.</param>
internal sealed record LearningModel(int Tier, int Dimension, bool NotLearnable, Bound Range, string Source, string? Reason, SourceLocation? Location);
