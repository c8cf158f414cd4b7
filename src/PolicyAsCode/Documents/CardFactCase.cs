namespace PolicyAsCode.Documents;

/// <summary>What a preference allows when one fact is established and no other fact holds.</summary>
/// <param name="Fact">The fact, in words.</param>
/// <param name="Allows">What the preference allows then, in words.</param>
public sealed record CardFactCase(string Fact, string Allows);
