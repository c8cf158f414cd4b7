namespace PolicyAsCode.Learning;

/// <summary>How many people gave feedback while a fact held about them (a consented attribute).</summary>
/// <param name="Fact">The fact's name.</param>
/// <param name="People">How many people.</param>
/// <param name="Records">How many records.</param>
public sealed record DatasheetFact(string Fact, int People, int Records);
