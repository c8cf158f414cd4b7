namespace PolicyAsCode.Generators.Model;

/// <summary>A project-defined hazard category.</summary>
internal sealed record HazardModel(ulong Hazard, string Code, string Description);
