using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

// A dimension's bound chain folded into tables per combination of the conditions that decide it.
internal static partial class EvaluatorEmitter
{
    private sealed class Folded(System.Collections.Generic.List<string> keys, Bound[] strict, int[] conflict, Bound[] relaxed, bool[] waives)
    {
        public System.Collections.Generic.List<string> Keys { get; } = keys;

        public Bound[] Strict { get; } = strict;

        public int[] Conflict { get; } = conflict;

        public Bound[] Relaxed { get; } = relaxed;

        public bool[] Waives { get; } = waives;
    }

    private static Folded? Fold(PolicyModel policy, DimensionModel d, EvaluatorLocals scope)
    {
        var rules = scope.Index.BoundsOn(d.Index).ToList();
        var waivable = rules.Any(b => scope.UserWaived(b).Length > 0);
        var keys = new System.Collections.Generic.List<string>();
        foreach (var b in rules)
        {
            foreach (var test in new[] { scope.Applies(b), waivable ? scope.UserWaived(b) : string.Empty })
            {
                if (test.Length > 0 && !keys.Contains(test))
                {
                    keys.Add(test);
                }
            }
        }

        if (keys.Count > MaxFoldedTests)
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
            bool Holds(string test) => test.Length == 0 || (key & (1 << keys.IndexOf(test))) != 0;
            var s = d.Domain;
            var x = -1;
            var r = d.Domain;
            var y = -1;
            var u = false;
            foreach (var b in rules)
            {
                if (!Holds(scope.Applies(b)))
                {
                    continue;
                }

                s = PolicyAsCode.Lattice.Narrow(s, b.Bound, b.Index, ref x);
                if (waivable)
                {
                    var userWaived = scope.UserWaived(b);
                    if (userWaived.Length > 0 && Holds(userWaived))
                    {
                        u = true;
                    }
                    else
                    {
                        r = PolicyAsCode.Lattice.Narrow(r, b.Bound, b.Index, ref y);
                    }
                }
            }

            strict[key] = s;
            conflict[key] = x;
            relaxed[key] = r;
            waives[key] = u;
        }

        return new Folded(keys, strict, conflict, relaxed, waives);
    }

    private static void EmitFoldedTables(SourceWriter writer, PolicyModel policy, EvaluatorLocals scope)
    {
        foreach (var d in policy.Dimensions)
        {
            var folded = Fold(policy, d, scope);
            if (folded is null)
            {
                continue;
            }

            var i = d.Index;
            writer.Line($"public static readonly global::PolicyAsCode.Bound[] Strict{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Strict.Select(Literals.Bound))} }};");
            if (folded.Conflict.Any(x => x >= 0))
            {
                writer.Line($"public static readonly int[] Conflict{i} = new int[] {{ {string.Join(", ", folded.Conflict.Select(Literals.Int))} }};");
            }

            if (scope.Index.BoundsOn(i).Any(b => scope.UserWaived(b).Length > 0))
            {
                writer.Line($"public static readonly global::PolicyAsCode.Bound[] Relaxed{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Relaxed.Select(Literals.Bound))} }};");
                writer.Line($"public static readonly bool[] Waives{i} = new bool[] {{ {string.Join(", ", folded.Waives.Select(Literals.Bool))} }};");
            }
        }
    }
}
