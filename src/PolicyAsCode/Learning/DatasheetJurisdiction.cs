using PolicyAsCode.Monitoring;

namespace PolicyAsCode.Learning;

/// <summary>People and records that gave feedback in one jurisdiction.</summary>
/// <param name="Jurisdiction">The jurisdiction (<see cref="PersonalisationAggregates.NoJurisdiction"/> when none was recorded).</param>
/// <param name="People">How many people.</param>
/// <param name="Records">How many records.</param>
public sealed record DatasheetJurisdiction(string Jurisdiction, int People, int Records);
