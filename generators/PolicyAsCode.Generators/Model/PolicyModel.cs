using System.Linq;

namespace PolicyAsCode.Generators.Model;

/// <summary>
/// Everything the generator (and the analysers) know about one policy: a user tier with its chain of higher
/// tiers, the sets of facts the assembly declares never hold together, the assembly's own benefits and risks, and the tiers' learning rules. Pure values: no symbols, syntax or compilation, so the pipeline can cache it.
/// </summary>
internal sealed record PolicyModel(
    TypeName UserTier,
    EquatableArray<TierModel> Tiers,
    EquatableArray<DimensionModel> Dimensions,
    EquatableArray<BoundModel> Bounds,
    EquatableArray<ForbidModel> Forbids,
    EquatableArray<WaiverModel> Waivers,
    EquatableArray<DefaultModel> Defaults,
    EquatableArray<HazardModel> CustomHazards,
    EquatableArray<PolicyProblem> Problems,
    EquatableArray<uint> NeverTogether = default,
    EquatableArray<TaxonomyModel> CustomBenefits = default,
    EquatableArray<TaxonomyModel> CustomRisks = default,
    EquatableArray<LearningModel> Learning = default)
{
    public bool CanEmit => !Problems.Any(p => p.BlocksEmission);

    // Computed once: it is asked for every bound of every tier. Derived from Tiers, so equality is unaffected.
    public EquatableArray<string> Jurisdictions { get; } =
        PolicyShape.DistinctJurisdictions(Tiers.Select(t => new ShapeTier((TierRank)t.Rank, t.Name)).ToList(), out _).ToEquatableArray();
}
