namespace PolicyAsCode.Documents;

/// <summary>What a policy card says beyond the policy itself.</summary>
/// <param name="Datasheet">Where the datasheet of the feedback the assistant learns from is published (a URL or path), or null when none is.</param>
public sealed record PolicyCardOptions(string? Datasheet = null);
