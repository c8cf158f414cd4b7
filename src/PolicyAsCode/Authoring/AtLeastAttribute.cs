using System;

namespace PolicyAsCode;

/// <summary>The dimension is at least <c>value</c> (for a <c>[Flags]</c> set: holds every flag of <c>value</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AtLeastAttribute(object value) : BoundAttribute
{
    /// <summary>The least allowed value.</summary>
    public object Value { get; } = value;
}
