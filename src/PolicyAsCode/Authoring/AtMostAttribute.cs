using System;

namespace PolicyAsCode;

/// <summary>The dimension is at most <c>value</c> (for a <c>[Flags]</c> set: holds only flags within <c>value</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AtMostAttribute(object value) : BoundAttribute
{
    /// <summary>The greatest allowed value.</summary>
    public object Value { get; } = value;
}
