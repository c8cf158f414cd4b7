using System;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.HandWritten;

/// <summary>
/// The Cedar comparison's decision by hand: allow or deny, computed from only what that decision reads, with no
/// resolution built, nothing explained and nothing allocated. It is not an evaluator (it answers one question of one
/// policy and gives no reasons); it is about the least work a straightforward evaluator of the QuickStart could do for
/// the same answers, a baseline the generated resolve + decide is measured against in the same run. It is not a proven
/// lower bound: it branches as C# written plainly does, and on requests drawn at random those branches mispredict.
/// </summary>
/// <remarks>
/// What the decision reads (see <see cref="QuickStartHandWritten"/> for the policy by heart): the hazards forbidden in
/// the context, which depend on which laws apply, whether the user may be a minor, the organisation's rule and the
/// user's own avoid list; and the effective maturity, which the organisation caps at Teen everywhere. No two bounds of
/// the QuickStart contradict, so every request resolves; the other seven dimensions move nothing the decision reads.
/// A value outside its dimension's domain (which the comparison's requests never hold) takes the generated path.
/// </remarks>
public static class QuickStartDecisionByHand
{
    private const Hazard AvoidDomain = QuickStartHandWritten.AvoidDomain;
    private const Hazard Unknown = ~QuickStartHandWritten.Known;
    private const Hazard LawForbids = QuickStartHandWritten.LawForbids;
    private const Hazard OrgForbids = QuickStartHandWritten.OrgForbids;

    /// <summary>Whether content with <paramref name="detected"/> hazards and <paramref name="contentMaturity"/> may be shown.</summary>
    public static bool Allows(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var avoid = preferences.AvoidHazards;
        var asked = (uint)preferences.Maturity;
        if ((avoid & ~AvoidDomain) != Hazard.None || asked > (uint)Maturity.Mature)
        {
            return Cedar.CedarComparison.Decide(preferences, in context, detected, contentMaturity);
        }

        // Which laws apply: EU law in EU and DE, US law in US and US-CA, both where no jurisdiction matched. The two forbid
        // the same hazards, so in this policy some law always forbids them; the jurisdiction is still matched, as an
        // evaluator that has not proved that of every policy it is given must.
        var jurisdiction = QuickStartHandWritten.Jurisdiction(context.Jurisdiction);
        var eu = jurisdiction < 0 || jurisdiction == QuickStartHandWritten.EuCode || jurisdiction == QuickStartHandWritten.DeCode;
        var us = jurisdiction < 0 || jurisdiction == QuickStartHandWritten.UsCode || jurisdiction == QuickStartHandWritten.UsCaCode;
        var minor = !context.Refutes(Fact.Minor);
        var forbidden = OrgForbids | (avoid & AvoidDomain);
        if (eu || us)
        {
            forbidden |= minor ? LawForbids | Hazard.SexualContent : LawForbids;
        }

        var granted = Math.Min(asked, (uint)Maturity.Teen);
        return (detected & (forbidden | Unknown)) == Hazard.None && (uint)contentMaturity <= granted;
    }
}
