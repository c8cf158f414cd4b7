using System;

namespace PolicyAsCode;

/// <summary>What every bound attribute may say besides its values: when it applies, who may waive it and why it exists.</summary>
public abstract class BoundAttribute : Attribute
{
    /// <summary>
    /// The bound applies only when this one fact holds (or is not known to be false). Several facts go in
    /// <see cref="WhenAll"/>: <c>When = Fact.A | Fact.B</c> would read as "A or B" and is an error (PAC0021).
    /// </summary>
    public Fact When { get; set; }

    /// <summary>
    /// The bound applies only when all these facts hold (or none is known to be false): <c>WhenAll = Fact.Minor | Fact.RolePlay</c>
    /// reads "when all of Minor and RolePlay". Not with <see cref="When"/> on the same bound (PAC0022).
    /// </summary>
    public Fact WhenAll { get; set; }

    /// <summary>
    /// The bound applies unless this one fact is known to hold. Several facts go in <see cref="UnlessAll"/> (PAC0021).
    /// </summary>
    public Fact Unless { get; set; }

    /// <summary>
    /// The bound applies unless all these facts are known to hold: <c>UnlessAll = Fact.VerifiedAdult | Fact.Professional</c>
    /// reads "unless all of VerifiedAdult and Professional". Not with <see cref="Unless"/> on the same bound (PAC0022).
    /// </summary>
    public Fact UnlessAll { get; set; }

    /// <summary>The one lower tier that may waive this bound with <see cref="WaivesAttribute"/>; no other tier may.</summary>
    public TierRank WaivableBy { get; set; }

    /// <summary>Why the bound exists, in words for the policy card and for every adjustment it causes.</summary>
    public string? Reason { get; set; }
}

/// <summary>The dimension is at most <c>value</c> (for a <c>[Flags]</c> set: holds only flags within <c>value</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AtMostAttribute(object value) : BoundAttribute
{
    /// <summary>The greatest allowed value.</summary>
    public object Value { get; } = value;
}

/// <summary>The dimension is at least <c>value</c> (for a <c>[Flags]</c> set: holds every flag of <c>value</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AtLeastAttribute(object value) : BoundAttribute
{
    /// <summary>The least allowed value.</summary>
    public object Value { get; } = value;
}

/// <summary>The dimension lies between <c>lo</c> and <c>hi</c>, both included.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class BetweenAttribute(object lo, object hi) : BoundAttribute
{
    /// <summary>The least allowed value.</summary>
    public object Lo { get; } = lo;

    /// <summary>The greatest allowed value.</summary>
    public object Hi { get; } = hi;
}

/// <summary>The dimension is exactly <c>value</c>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class LockedAttribute(object value) : BoundAttribute
{
    /// <summary>The only allowed value.</summary>
    public object Value { get; } = value;
}

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

/// <summary>On a dimension: the strictest values are the highest ones (by default the lowest ones are strictest).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HigherIsStricterAttribute : Attribute;
