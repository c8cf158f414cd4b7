using System.Linq;

namespace PolicyAsCode.Generators.Model;

/// <summary>
/// Everything the generator (and the analysers) know about one policy: a user tier with its chain of higher
/// tiers. Pure values: no symbols, syntax or compilation, so the pipeline can cache it.
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
    EquatableArray<PolicyProblem> Problems)
{
    public bool CanEmit => !Problems.Any(p => p.BlocksEmission);

    // Computed once: it is asked for every bound of every tier. Derived from Tiers, so equality is unaffected.
    public EquatableArray<string> Jurisdictions { get; } =
        Tiers.Where(t => t.Rank == Ranks.Immutable).Select(t => t.Name)
            .Distinct(System.StringComparer.OrdinalIgnoreCase).ToEquatableArray();
}
