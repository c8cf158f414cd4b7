using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>PAC0006, PAC0007 and PAC0008: a tier contradicting itself, dimensions without taxonomy links, open dimensions.</summary>
internal static class ConsistencyChecks
{
    public static IEnumerable<PolicyFinding> Check(PolicyView view)
    {
        var policy = view.Policy;
        foreach (var group in policy.Bounds.GroupBy(b => (b.Tier, b.Dimension)))
        {
            var dimension = policy.Dimensions[group.Key.Dimension];
            var always = dimension.Domain;
            var seen = new List<BoundModel>();
            foreach (var bound in group.Where(b => !b.IsConditional))
            {
                var next = Lattice.Intersect(always, bound.Bound);
                if (Lattice.IsEmpty(next))
                {
                    yield return Findings.BoundsContradict(view.Tier(bound.Tier), dimension.Name, bound.Source, string.Join(", ", seen.Select(s => s.Source)), bound.Location);
                    continue;
                }

                always = next;
                seen.Add(bound);
            }

            foreach (var bound in group.Where(b => b.IsConditional))
            {
                if (Lattice.IsEmpty(Lattice.Intersect(always, bound.Bound)))
                {
                    yield return Findings.ConditionalBoundContradicts(view.Tier(bound.Tier), dimension.Name, PolicyView.Describe(bound), ValueText.Bound(dimension, always), bound.Location);
                }
            }
        }

        foreach (var dimension in policy.Dimensions)
        {
            if (dimension.Enables.Count == 0 && dimension.Mitigates.Count == 0)
            {
                yield return Findings.NoTaxonomyLink(dimension.Name, dimension.Location);
            }

            if (!view.Index.BoundsOn(dimension.Index).Any(b => policy.Tiers[b.Tier].Rank < Ranks.User))
            {
                yield return Findings.OpenPersonalisation(dimension.Name, dimension.Location);
            }
        }
    }
}
