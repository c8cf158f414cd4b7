using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// The hazards a policy's rules forbid in a context, the users' own lists aside, as a table: one row per matched
/// jurisdiction (and none) and per combination of the rules' conditions, so that <c>Admits</c> reads one row where
/// <c>Forbidden</c> tests every rule. Each row is worked out from the semantics' own answers (which tiers apply under a
/// jurisdiction, <see cref="PolicyIndex.TierApplies"/>, the question the scope's law tests are built from), and
/// <c>Admits</c> picks the row from the scope's jurisdiction and the scope's own condition tests, the ones
/// <c>Forbidden</c> reads, so the two agree on every context; the differential suites hold them to it.
/// </summary>
internal sealed class HazardRows
{
    /// <summary>At most this many rows (jurisdictions and none, times each combination of conditions); past it the gate tests each rule.</summary>
    public const int MaxRows = 1024;

    private HazardRows(IReadOnlyList<Test> conditions, IReadOnlyList<ulong> rows)
    {
        Conditions = conditions;
        Rows = rows;
    }

    /// <summary>The conditions the rules carry, each a bit of the row: the scope's test of whether it restricts.</summary>
    public IReadOnlyList<Test> Conditions { get; }

    /// <summary>
    /// The hazards forbidden, by row: <c>((jurisdiction + 1) &lt;&lt; Conditions.Count) | bits</c>, with jurisdiction -1
    /// where none matched (every law applies) and bit <c>c</c> set where condition <c>c</c> restricts.
    /// </summary>
    public IReadOnlyList<ulong> Rows { get; }

    /// <summary>The table of <paramref name="policy"/>'s hazard rules, or null when it would pass <see cref="MaxRows"/>.</summary>
    public static HazardRows? Plan(PolicyModel policy, PolicyIndex index, ScopeTests scope)
    {
        var rules = policy.Forbids.Where(f => !f.IsUsersOwn).ToList();
        var conditions = rules.Where(f => f.When != 0 || f.Unless != 0).Select(f => (f.When, f.Unless)).Distinct().ToList();
        var jurisdictions = index.Shape.Jurisdictions.Length;
        if (conditions.Count > 16 || ((long)(jurisdictions + 1) << conditions.Count) > MaxRows)
        {
            return null;
        }

        // Each rule's bit in a row's conditions, none for a rule with no condition; found once, not per row.
        var conditionBit = rules.Select(f => conditions.IndexOf((f.When, f.Unless)) is var c and >= 0 ? 1 << c : 0).ToList();
        var rows = new ulong[(jurisdictions + 1) << conditions.Count];
        for (var jurisdiction = -1; jurisdiction < jurisdictions; jurisdiction++)
        {
            for (var bits = 0; bits < 1 << conditions.Count; bits++)
            {
                var forbidden = 0UL;
                for (var r = 0; r < rules.Count; r++)
                {
                    if (index.TierApplies(rules[r].Tier, jurisdiction) && (conditionBit[r] == 0 || (bits & conditionBit[r]) != 0))
                    {
                        forbidden |= rules[r].Hazards;
                    }
                }

                rows[((jurisdiction + 1) << conditions.Count) | bits] = forbidden;
            }
        }

        return new HazardRows([.. conditions.Select(c => scope.Restricts(c.When, c.Unless))], rows);
    }
}
