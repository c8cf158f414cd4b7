using System.Collections.Generic;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>
/// PAC0014: a bound that caps the user's own hazard list. A user may always forbid more for themselves; a tier may
/// require hazards on the list but a cap strips hazards from what a user asked to avoid (and makes an unreadable list
/// fail closed to the few permitted). The run-time overlay compiler rejects the same bounds (<see cref="AvoidList"/>).
/// </summary>
internal static class HazardListChecks
{
    public static IEnumerable<PolicyFinding> Check(PolicyView view)
    {
        var policy = view.Policy;

        // The hazards a classifier can report for this policy: the shipped ones and the custom ones it names.
        var known = HazardBits.Shipped;
        foreach (var custom in policy.CustomHazards)
        {
            known |= custom.Hazard;
        }

        foreach (var bound in policy.Bounds)
        {
            var dimension = policy.Dimensions[bound.Dimension];
            if (!dimension.IsHazardSet)
            {
                continue;
            }

            var capped = AvoidList.Capped(dimension.Domain, bound.Bound) & known;
            if (capped != 0)
            {
                yield return Findings.AvoidListCapped(view.Tier(bound.Tier), PolicyView.Describe(bound), dimension.Name, ValueText.Label(dimension, DimensionValue.OfMask(capped)), bound.Location);
            }
        }
    }
}
