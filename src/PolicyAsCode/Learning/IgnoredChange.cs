// serve: placeholder until learn merges
namespace PolicyAsCode.Learning;

/// <summary>A learned change that was not used, and why.</summary>
/// <param name="Change">The change.</param>
/// <param name="Why">Why it was not used (an explicit choice, not learnable here).</param>
public sealed record IgnoredChange(LearnedChange Change, string Why);
