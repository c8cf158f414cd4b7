using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// A dimension's narrowing chain, folded at build time for every combination of the context tests its bounds read:
/// the strict bound and the first skipped bound, and for a waivable dimension the relaxed bound and whether a user
/// waiver holds. Entry <c>k</c> is the combination where test <c>i</c> holds exactly when bit <c>i</c> of <c>k</c> is
/// set. It replays the chain with the runtime's own <see cref="PolicyAsCode.Lattice"/>, so an entry is exactly what
/// the chain computes.
/// </summary>
internal sealed class FoldedChain
{
    /// <summary>Above this many tests the tables would pass 64 entries; the chain is then emitted as it is.</summary>
    public const int MaxTests = 6;

    private FoldedChain(IReadOnlyList<Test> keys, Bound[] strict, int[] conflict, Bound[] relaxed, bool[] waives, bool waivable)
    {
        Keys = keys;
        Strict = strict;
        Conflict = conflict;
        Relaxed = relaxed;
        Waives = waives;
        CanContradict = conflict.Any(x => x >= 0);
        Uniform = strict.All(b => b == strict[0]) && conflict.All(x => x == conflict[0])
            && (!waivable || (relaxed.All(b => b == relaxed[0]) && waives.All(u => u == waives[0])));
    }

    /// <summary>The context tests that select an entry, bit by bit.</summary>
    public IReadOnlyList<Test> Keys { get; }

    public Bound[] Strict { get; }

    /// <summary>The first bound skipped for contradicting the ones before it, or -1.</summary>
    public int[] Conflict { get; }

    public Bound[] Relaxed { get; }

    public bool[] Waives { get; }

    /// <summary>Whether some combination meets an empty intersection.</summary>
    public bool CanContradict { get; }

    /// <summary>Whether every combination narrows alike, so the one entry is used without looking at the context.</summary>
    public bool Uniform { get; }

    /// <summary>Whether the generated code must compute which entry applies.</summary>
    public bool SelectsByContext => !Uniform && Keys.Count > 0;

    /// <summary>The folded chain, or null when it reads more than <see cref="MaxTests"/> tests.</summary>
    public static FoldedChain? Fold(DimensionModel d, IReadOnlyList<ChainStep> steps, bool waivable)
    {
        var keys = new List<Test>();
        foreach (var step in steps)
        {
            foreach (var test in new[] { step.Applies, waivable ? step.UserWaived : Test.Never })
            {
                if (test.IsExpression && !keys.Contains(test))
                {
                    keys.Add(test);
                }
            }
        }

        if (keys.Count > MaxTests)
        {
            return null;
        }

        var size = 1 << keys.Count;
        var strict = new Bound[size];
        var conflict = new int[size];
        var relaxed = new Bound[size];
        var waives = new bool[size];
        for (var key = 0; key < size; key++)
        {
            bool Holds(Test test) => test.IsAlways || (test.IsExpression && (key & (1 << keys.IndexOf(test))) != 0);
            var s = d.Domain;
            var x = -1;
            var r = d.Domain;
            var y = -1;
            var u = false;
            foreach (var step in steps)
            {
                if (!Holds(step.Applies))
                {
                    continue;
                }

                s = PolicyAsCode.Lattice.Narrow(s, step.Bound.Bound, step.Bound.Index, ref x);
                if (waivable)
                {
                    if (Holds(step.UserWaived))
                    {
                        u = true;
                    }
                    else
                    {
                        r = PolicyAsCode.Lattice.Narrow(r, step.Bound.Bound, step.Bound.Index, ref y);
                    }
                }
            }

            strict[key] = s;
            conflict[key] = x;
            relaxed[key] = r;
            waives[key] = u;
        }

        return new FoldedChain(keys, strict, conflict, relaxed, waives, waivable);
    }
}

/// <summary>One bound of a dimension's chain, with the context tests that decide it.</summary>
/// <param name="Bound">The bound.</param>
/// <param name="Applies">Whether it applies.</param>
/// <param name="UserWaived">Whether the user tier's claim waives it.</param>
internal sealed record ChainStep(BoundModel Bound, Test Applies, Test UserWaived);
