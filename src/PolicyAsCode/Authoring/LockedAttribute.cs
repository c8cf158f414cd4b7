using System;

namespace PolicyAsCode;

/// <summary>The dimension is exactly <c>value</c>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class LockedAttribute(object value) : BoundAttribute
{
    /// <summary>The only allowed value.</summary>
    public object Value { get; } = value;
}
