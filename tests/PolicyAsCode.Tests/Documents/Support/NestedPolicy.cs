using PolicyAsCode;

namespace PolicyAsCode.Documents.Tests.Nested;

// Three levels of law, EU > DE > DE-BY, each narrowing the one it is within; compiled by the generator into this
// test assembly, so the documents are built from a real registry.

/// <summary>The outermost law.</summary>
[ImmutableTier("EU")]
public partial record EuRules
{
    [Between(0, 30, Reason = "storage limitation: at most 30 days")]
    public int MemoryDays { get; init; }
}

/// <summary>National law within the EU.</summary>
[ImmutableTier("DE", Within = [typeof(EuRules)])]
[Forbid(Hazard.Elections, When = Fact.Minor, Reason = "no election content for minors")]
public partial record DeRules
{
    [AtMost(14, Reason = "national storage limit: at most 14 days")]
    public int MemoryDays { get; init; }
}

/// <summary>Regional law within DE (and so within the EU).</summary>
[ImmutableTier("DE-BY", Within = [typeof(DeRules)])]
public partial record ByRules
{
    [AtMost(7, Reason = "regional storage limit: at most 7 days")]
    public int MemoryDays { get; init; }
}

/// <summary>The user tier, deployed under the regional law (the laws it is within are found from it).</summary>
[UserTier(Within = [typeof(ByRules)])]
public partial record NestedPreferences
{
    [Described("Days the assistant remembers personal details")]
    public int MemoryDays { get; init; }
}
