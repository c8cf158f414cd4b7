using System;

namespace PolicyAsCode;

/// <summary>The dimension lies between <c>lo</c> and <c>hi</c>, both included.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class BetweenAttribute(object lo, object hi) : BoundAttribute
{
    /// <summary>The least allowed value.</summary>
    public object Lo { get; } = lo;

    /// <summary>The greatest allowed value.</summary>
    public object Hi { get; } = hi;
}
