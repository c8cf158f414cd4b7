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
