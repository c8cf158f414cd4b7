using System.Linq;

namespace PolicyAsCode.Generators.Model;

/// <summary>
/// The model as the source outputs receive it: the same values without a location or a problem (System.Text.Json's
/// "pipeline 1 / pipeline 2"). Locations are for diagnostics, which flow on their own path; stripped here, an edit that
/// only moves a policy in its file (a blank line above a tier) leaves this model equal, so nothing is emitted again.
/// </summary>
internal static class EmissionModel
{
    public static PolicyModel ForEmission(this PolicyModel policy) => policy with
    {
        Tiers = policy.Tiers.Select(t => t with { Location = null }).ToEquatableArray(),
        Dimensions = policy.Dimensions.Select(d => d with { Location = null, DefaultLocation = null }).ToEquatableArray(),
        Bounds = policy.Bounds.Select(b => b with { Location = null, ValueLocation = null }).ToEquatableArray(),
        Forbids = policy.Forbids.Select(f => f with { Location = null }).ToEquatableArray(),
        Waivers = policy.Waivers.Select(w => w with { Location = null }).ToEquatableArray(),
        Defaults = policy.Defaults.Select(d => d with { Location = null }).ToEquatableArray(),
        Learning = policy.Learning.Select(l => l with { Location = null }).ToEquatableArray(),
        Problems = EquatableArray<PolicyProblem>.Empty,
    };
}
