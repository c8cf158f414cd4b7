using System;

namespace PolicyAsCode;

/// <summary>The benefits of personalisation this dimension or bound enables.</summary>
/// <param name="benefits">Benefits from the taxonomy.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EnablesAttribute(params Benefit[] benefits) : Attribute
{
    /// <summary>The benefits enabled.</summary>
    public Benefit[] Benefits { get; } = benefits;
}
