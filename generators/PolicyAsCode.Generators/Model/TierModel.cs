namespace PolicyAsCode.Generators.Model;

/// <summary>One tier in a policy's chain.</summary>
/// <param name="Index">Position: higher ranks first, user tier last.</param>
/// <param name="Name">Jurisdiction, organisation name, or user-tier type name.</param>
/// <param name="TypeName">The tier record's full name (no <c>global::</c>).</param>
/// <param name="Rank">1 immutable, 2 organisation, 3 user.</param>
/// <param name="Within">Indexes of the tiers it narrows.</param>
/// <param name="Location">Its declaration.</param>
internal sealed record TierModel(int Index, string Name, string TypeName, int Rank, EquatableArray<int> Within, SourceLocation? Location);
