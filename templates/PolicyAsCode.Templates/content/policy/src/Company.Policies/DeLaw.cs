using PolicyAsCode;

namespace Company.Policies;

/// <summary>
/// Tier 1 for Germany, within the European Union. Illustrative, not legal advice: have your counsel write this tier.
/// A request in DE applies this law and EU law; a request in EU applies EU law only. It may only narrow EU law.
/// </summary>
[ImmutableTier("DE", Within = [typeof(EuLaw)])]
public partial record DeLaw
{
    // Conditional on purpose: an unconditional cap at or below the organisation's would leave the organisation's
    // bound with no effect in DE (PAC0002).
    [Locked(0, When = Fact.Minor, Reason = "youth protection: a minor's own consent does not suffice, so no memory of a minor's personal data")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
