using System.Collections.Generic;

namespace PolicyAsCode.Generators.Planning;

/// <summary>One branch of a citation: when the test holds (and no earlier branch's did), the bound cited.</summary>
/// <param name="When">The test.</param>
/// <param name="Bound">The bound cited.</param>
/// <param name="ReadsStrictest">Whether the test reads the bound's strictest value, so <c>PolicyTables</c> must hold it.</param>
internal readonly record struct Citation(Test When, int Bound, bool ReadsStrictest = false);

/// <summary>
/// Which bound an adjustment cites, as a chain of tests tried in order. Built as docs/semantics.md words it, then
/// trimmed to what can make a difference: a branch that never holds, repeats an earlier test or follows one that always
/// holds is dropped, and so is a branch citing the same bound as the unconditional last one.
/// </summary>
internal static class Citations
{
    public static IReadOnlyList<Citation> Trim(IEnumerable<Citation> branches)
    {
        var chain = new List<Citation>();
        var seen = new HashSet<Test>();
        foreach (var branch in branches)
        {
            if (branch.When.IsNever || !seen.Add(branch.When))
            {
                continue;
            }

            chain.Add(branch);
            if (branch.When.IsAlways)
            {
                break;
            }
        }

        while (chain.Count >= 2 && chain[chain.Count - 1].When.IsAlways && chain[chain.Count - 2].Bound == chain[chain.Count - 1].Bound)
        {
            chain.RemoveAt(chain.Count - 2);
        }

        return chain;
    }

    /// <summary>Whether some branch always holds, so the chain always cites a bound.</summary>
    public static bool IsExhaustive(IReadOnlyList<Citation> chain) => chain.Count > 0 && chain[chain.Count - 1].When.IsAlways;
}
