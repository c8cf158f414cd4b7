using System;

namespace PolicyAsCode;

/// <summary>The risks of personalisation this dimension or bound mitigates.</summary>
/// <param name="risks">Risks from the taxonomy.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MitigatesAttribute(params Risk[] risks) : Attribute
{
    /// <summary>The risks mitigated.</summary>
    public Risk[] Risks { get; } = risks;
}
