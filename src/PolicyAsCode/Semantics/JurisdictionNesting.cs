using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// Which jurisdictions sit within which: a law tier declared <c>Within</c> another law puts its jurisdiction inside
/// that law's (DE within EU), so a request in DE applies both. Worked out once per shape, at the level of
/// jurisdictions: two EU tiers are one EU, and DE is within all of it.
/// </summary>
internal static class JurisdictionNesting
{
    /// <summary>
    /// For each jurisdiction, the jurisdictions it is within, nearest first (breadth first, so DE-BY lists DE before
    /// EU). A cycle, which the generator rejects (PAC0003), ends where it meets a jurisdiction already listed.
    /// </summary>
    public static ImmutableArray<int>[] Enclosing(IReadOnlyList<ShapeTier> tiers, int[] jurisdictionOfTier, int jurisdictions)
    {
        var parents = new List<int>[jurisdictions];
        for (var j = 0; j < jurisdictions; j++)
        {
            parents[j] = [];
        }

        for (var t = 0; t < tiers.Count; t++)
        {
            var inner = jurisdictionOfTier[t];
            if (inner < 0 || tiers[t].Within.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var within in tiers[t].Within)
            {
                var outer = (uint)within < (uint)tiers.Count ? jurisdictionOfTier[within] : -1;
                if (outer >= 0 && outer != inner && !parents[inner].Contains(outer))
                {
                    parents[inner].Add(outer);
                }
            }
        }

        var enclosing = new ImmutableArray<int>[jurisdictions];
        for (var j = 0; j < jurisdictions; j++)
        {
            var found = ImmutableArray.CreateBuilder<int>();
            var queue = new Queue<int>(parents[j]);
            while (queue.Count > 0)
            {
                var next = queue.Dequeue();
                if (next == j || found.Contains(next))
                {
                    continue;
                }

                found.Add(next);
                foreach (var parent in parents[next])
                {
                    queue.Enqueue(parent);
                }
            }

            enclosing[j] = found.ToImmutable();
        }

        return enclosing;
    }

    /// <summary>For each jurisdiction <c>j</c>, which laws apply to a request in it: <c>j</c>'s own and those of every jurisdiction it is within.</summary>
    public static bool[][] LawsIn(ImmutableArray<int>[] enclosing)
    {
        var lawsIn = new bool[enclosing.Length][];
        for (var j = 0; j < enclosing.Length; j++)
        {
            lawsIn[j] = new bool[enclosing.Length];
            lawsIn[j][j] = true;
            foreach (var outer in enclosing[j])
            {
                lawsIn[j][outer] = true;
            }
        }

        return lawsIn;
    }
}
