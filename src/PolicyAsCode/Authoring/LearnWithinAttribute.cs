using System;

namespace PolicyAsCode;

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
