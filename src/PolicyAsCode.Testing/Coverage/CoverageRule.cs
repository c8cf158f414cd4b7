namespace PolicyAsCode.Testing;

/// <summary>One rule coverage counts, named as <c>pac</c> and the policy card name it.</summary>
/// <param name="Kind">Bound, waiver or hazard rule.</param>
/// <param name="Index">Its index in the registry's <see cref="PolicyRegistry.Bounds"/>, <see cref="PolicyRegistry.Waivers"/> or <see cref="PolicyRegistry.Forbids"/>.</param>
/// <param name="Tier">The tier that wrote it, as a reader names it (<c>law of DE within EU</c>); for a waiver, the claimant.</param>
/// <param name="Rule">The rule: <c>MemoryDays Locked(0) (unless ConsentsToMemory)</c>, <c>refuses SexualContent (when Minor)</c>, <c>waives law of EU's bounds on DiscloseAi (when RolePlay)</c>.</param>
/// <param name="Cases">How many cases exercised it.</param>
public sealed record CoverageRule(CoverageRuleKind Kind, int Index, string Tier, string Rule, int Cases)
{
    /// <summary>Whether some case exercised it.</summary>
    public bool IsExercised => Cases > 0;

    /// <summary>The kind in words: <c>bound</c>, <c>waiver</c>, <c>hazard rule</c>.</summary>
    public string KindText => Kind switch
    {
        CoverageRuleKind.Bound => "bound",
        CoverageRuleKind.Waiver => "waiver",
        _ => "hazard rule",
    };

    /// <summary><c>law of EU: MemoryDays Locked(0) (unless ConsentsToMemory)</c>.</summary>
    public override string ToString() => Tier + ": " + Rule;
}
