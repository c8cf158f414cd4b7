namespace PolicyAsCode.Documents;

/// <summary>A benefit, risk or hazard of the taxonomy, as the card names it.</summary>
/// <param name="Id">Stable id, e.g. <c>risk.individual.privacy-infringement</c> or <c>hazard.S12</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="Description">One line in plain words.</param>
public sealed record CardLink(string Id, string Title, string Description);
