namespace PolicyAsCode;

/// <summary>The rank of a tier: each rank narrows the ranks above it.</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum TierRank
{
    /// <summary>Tier 1: immutable restrictions set by law and regulation, per jurisdiction.</summary>
    Immutable = 1,

    /// <summary>Tier 2: optional restrictions and defaults chosen by the deploying organisation.</summary>
    Organisation = 2,

    /// <summary>Tier 3: the personalisation each user chooses.</summary>
    User = 3,
}
