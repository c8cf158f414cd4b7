using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// Every context a question must be answered in: each of a set of facts known to hold, known not to hold, or
/// unknown (as resolution treats them), less the combinations a policy declares impossible.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class ContextSpace
{
    /// <summary>
    /// Every assignment of <paramref name="facts"/> in <paramref name="jurisdiction"/>, facts known to hold first, then
    /// known not to hold, then unknown (so the first context of a kind found reads most plainly), skipping those in
    /// which every fact of some <paramref name="neverTogether"/> set holds. With no facts, the one context that knows nothing.
    /// </summary>
    public static IEnumerable<PolicyContext> Every(string? jurisdiction, Fact facts, ImmutableArray<Fact> neverTogether)
    {
        var count = 0;
        for (var rest = (uint)facts; rest != 0; rest &= rest - 1)
        {
            count++;
        }

        var bits = new Fact[count];
        var next = 0;
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if (((uint)facts & bit) != 0)
            {
                bits[next++] = (Fact)bit;
            }
        }

        var digits = new int[count];
        while (true)
        {
            var holds = Fact.None;
            var known = Fact.None;
            for (var i = 0; i < digits.Length; i++)
            {
                if (digits[i] < 2)
                {
                    known |= bits[i];
                    if (digits[i] == 0)
                    {
                        holds |= bits[i];
                    }
                }
            }

            var context = new PolicyContext(jurisdiction, holds, known);
            if (IsPossible(context, neverTogether))
            {
                yield return context;
            }

            // The last fact varies fastest, so earlier facts stay established longest.
            var position = digits.Length - 1;
            while (position >= 0 && digits[position] == 2)
            {
                digits[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }

            digits[position]++;
        }
    }

    /// <summary>Whether a context could occur: no set of facts declared never to hold together all holds in it.</summary>
    public static bool IsPossible(in PolicyContext context, ImmutableArray<Fact> neverTogether)
    {
        if (neverTogether.IsDefault)
        {
            return true;
        }

        foreach (var set in neverTogether)
        {
            if (set != Fact.None && context.Establishes(set))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The <paramref name="relevant"/> facts of a context in words, as a condition: "when Minor holds and RolePlay does
    /// not hold", "when VerifiedAdult is unknown"; "in every context" when no fact is relevant.
    /// </summary>
    public static string Describe(in PolicyContext context, Fact relevant)
    {
        var parts = new List<string>();
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            var fact = (Fact)bit;
            if ((relevant & fact) == 0)
            {
                continue;
            }

            var state = (context.Known & fact) == 0 ? "is unknown" : (context.Facts & fact) != 0 ? "holds" : "does not hold";
            parts.Add(fact.ToString() + " " + state);
        }

        return parts.Count == 0 ? "in every context" : "when " + string.Join(" and ", parts);
    }
}
