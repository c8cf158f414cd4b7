namespace PolicyAsCode;

/// <summary>A tier's rule that refuses content showing some hazards, or the user's own list of hazards to avoid.</summary>
/// <param name="Index">Position in <see cref="PolicyRegistry.Forbids"/>: tier rules by tier then as written, the user's own last.</param>
/// <param name="Tier">Index of the tier that set it.</param>
/// <param name="Hazards">The hazards it forbids (for the user's own rule: the hazards a user may list).</param>
/// <param name="Condition">When it applies.</param>
/// <param name="Reason">Why it exists.</param>
/// <param name="Dimension">For the user's own rule: the dimension holding the user's list; otherwise null.</param>
public sealed record ForbidRule(int Index, int Tier, Hazard Hazards, Condition Condition, string? Reason, int? Dimension);
