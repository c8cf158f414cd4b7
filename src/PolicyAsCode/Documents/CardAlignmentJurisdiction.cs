using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>Learning in one jurisdiction: every preference the user tier marks learnable.</summary>
/// <param name="Name">The jurisdiction.</param>
/// <param name="Dimensions">The learnable-marked preferences, in declaration order.</param>
public sealed record CardAlignmentJurisdiction(string Name, ImmutableArray<CardLearning> Dimensions);
