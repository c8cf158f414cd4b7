using System;

namespace PolicyAsCode;

/// <summary>
/// The dimension is one of the listed values (for a <c>[Flags]</c> set: holds only listed flags).
/// On a string dimension of the user tier it declares the dimension's whole domain, strictest first.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AllowedAttribute(params object[] values) : BoundAttribute
{
    /// <summary>The allowed values.</summary>
    public object[] Values { get; } = values;
}
