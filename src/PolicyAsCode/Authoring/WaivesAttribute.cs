using System;

namespace PolicyAsCode;

/// <summary>
/// Claims the waiver a higher tier delegated to this tier on this dimension: the bounds <c>tier</c> marked
/// <see cref="BoundAttribute.WaivableBy"/> this tier's rank stop binding (for a user tier: once the user asks for a value outside them).
/// </summary>
/// <param name="tier">The higher tier whose waivable bounds on this dimension are waived.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class WaivesAttribute(Type tier) : Attribute
{
    /// <summary>The higher tier whose bound is waived.</summary>
    public Type Tier { get; } = tier;

    /// <summary>
    /// The waiver holds only when this one fact is known to hold. Several facts go in <see cref="WhenAll"/> (PAC0021).
    /// </summary>
    public Fact When { get; set; }

    /// <summary>
    /// The waiver holds only when all these facts are known to hold. Not with <see cref="When"/> on the same claim (PAC0022).
    /// </summary>
    public Fact WhenAll { get; set; }
}
