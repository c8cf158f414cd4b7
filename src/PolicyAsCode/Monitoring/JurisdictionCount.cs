namespace PolicyAsCode.Monitoring;

/// <summary>Resolutions in one jurisdiction.</summary>
/// <param name="Jurisdiction">The jurisdiction as the policy spells it, or <c>none</c>.</param>
/// <param name="Count">How many.</param>
public sealed record JurisdictionCount(string Jurisdiction, long Count);
