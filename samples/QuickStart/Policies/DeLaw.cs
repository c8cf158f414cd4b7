using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>
/// Tier 1 for Germany, within the European Union (illustrative, not legal advice). A request in DE applies this law
/// and EU law; it may only narrow EU law.
/// </summary>
[ImmutableTier("DE", Within = [typeof(EuLaw)])]
public partial record DeLaw
{
    [Locked(0, When = Fact.Minor, Reason = "youth protection: no memory of a minor's personal data, consent or not")]
    [Mitigates(Risk.PrivacyInfringement)]
    public int MemoryDays { get; init; }
}
