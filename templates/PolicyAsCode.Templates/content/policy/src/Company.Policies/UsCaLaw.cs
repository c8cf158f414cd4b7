using PolicyAsCode;

namespace Company.Policies;

/// <summary>
/// Tier 1 for California, within the United States. Illustrative, not legal advice: have your counsel write this tier.
/// A request in US-CA applies this law and US law; a request in US applies US law only. It may only narrow US law.
/// </summary>
[ImmutableTier("US-CA", Within = [typeof(UsLaw)])]
public partial record UsCaLaw
{
    // Not waivable: US law lets a user waive AI disclosure in a role-play; in California a minor may not.
    [Locked(true, When = Fact.Minor, Reason = "companion chatbots (SB 243): a minor is told they are talking to an AI, role-play or not")]
    [Mitigates(Risk.Anthropomorphism)]
    public bool DiscloseAi { get; init; }
}
