using PolicyAsCode;

namespace QuickStart.Policies;

/// <summary>
/// Tier 1 for California, within the United States (illustrative, not legal advice). A request in US-CA applies this
/// law and US federal law; it may only narrow US law.
/// </summary>
[ImmutableTier("US-CA", Within = [typeof(UsLaw)])]
public partial record UsCaLaw
{
    [Locked(true, Reason = "bot disclosure: a bot must say it is one")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }
}
