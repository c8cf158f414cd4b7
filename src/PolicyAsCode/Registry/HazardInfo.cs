namespace PolicyAsCode;

/// <summary>A project-defined hazard category.</summary>
/// <param name="Hazard">Its bit.</param>
/// <param name="Code">Its stable code.</param>
/// <param name="Description">What content falls in it.</param>
public sealed record HazardInfo(Hazard Hazard, string Code, string Description);
