namespace PolicyAsCode.Documents;

/// <summary>Whether and how far one preference may be learned from feedback in one jurisdiction.</summary>
/// <param name="Dimension">The preference's name.</param>
/// <param name="Learnable">Whether feedback may move it here.</param>
/// <param name="Within">What learning may reach here when nothing is known about the user (its learning range met with the bounds), in words; null when not learnable.</param>
/// <param name="Range">The tier that narrowed learning, and the rule as written ("organisation contoso-learning's LearnWithin(...)"), or null.</param>
/// <param name="OffBy">The tier that switches learning off here, or null.</param>
/// <param name="Reason">Why, as the tier's author wrote it, or null.</param>
public sealed record CardLearning(string Dimension, bool Learnable, string? Within, string? Range, string? OffBy, string? Reason);
