using System;

namespace PolicyAsCode;

/// <summary>
/// On a user-tier dimension: its value may be learned from the user's feedback (docs/feedback.md). Without it, a
/// dimension is never learned. Only ordinal (a non-flags enum), integer, real and boolean dimensions can be learned.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LearnableAttribute : Attribute;

/// <summary>
/// On a law's or organisation's property of a dimension: wherever this tier binds, the dimension is not learned at
/// all; users still choose it explicitly, inside the bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NotLearnableAttribute : Attribute
{
    /// <summary>Why the dimension must not be learned here, for the policy card and every ignored learned change.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// On a law's or organisation's property of a learnable ordinal, integer or real dimension: wherever this tier binds,
/// a learned value lies between <c>lo</c> and <c>hi</c>, both included. Several tiers' ranges intersect, and the
/// bounds still apply on top.
/// </summary>
/// <param name="lo">The least value learning may reach.</param>
/// <param name="hi">The greatest value learning may reach.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LearnWithinAttribute(object lo, object hi) : Attribute
{
    /// <summary>The least value learning may reach.</summary>
    public object Lo { get; } = lo;

    /// <summary>The greatest value learning may reach.</summary>
    public object Hi { get; } = hi;

    /// <summary>Why learning is held to this range, for the policy card and explanations.</summary>
    public string? Reason { get; set; }
}
