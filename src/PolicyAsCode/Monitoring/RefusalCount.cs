namespace PolicyAsCode.Monitoring;

/// <summary>How many refusals named one hazard and one refusing tier.</summary>
/// <param name="Hazard">The hazard's code (<c>S1</c>…<c>S14</c>, a project's code) or <c>unknown</c>.</param>
/// <param name="Tier">The refusing tier, or null (an unknown hazard or no resolution: refused failing closed).</param>
/// <param name="Count">How many.</param>
public sealed record RefusalCount(string Hazard, TierInfo? Tier, long Count);
