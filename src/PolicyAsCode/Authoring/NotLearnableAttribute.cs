using System;

namespace PolicyAsCode;

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
