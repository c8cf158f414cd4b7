namespace PolicyAsCode.Learning;

/// <summary>A learned change that was not used, and why.</summary>
/// <param name="Change">The change.</param>
/// <param name="Why">Why not, in words: the user chose the value, or the policy does not let it be learned here.</param>
public sealed record IgnoredChange(LearnedChange Change, string Why);
