using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

// The resolution of one dimension: clamp, waive, fail closed or contradiction, each with its citation.
internal static partial class EvaluatorEmitter
{
    // The full resolution algorithm for one dimension whose value failed its Inside test: narrow by every applicable
    // bound in canonical order, then contradiction, fail closed, inside, or waive or clamp, with the citation.
    private static void EmitDimension(SourceWriter w, PolicyModel policy, DimensionModel d, EvaluatorLocals locals)
    {
        var i = d.Index;
        var strict = d.HigherIsStricter ? "true" : "false";
        var rules = locals.Index.BoundsOn(i).ToList();
        var waivable = rules.Any(b => locals.UserWaived(b).Length > 0);

        w.Line();
        w.Line($"// {d.Name}: {d.Kind.ToString().ToLowerInvariant()}, {(d.HigherIsStricter ? "higher" : "lower")} is stricter, {rules.Count} bound(s)");
        using var _ = w.Block($"public static {Value} Resolve{i}({Value} v{i}, bool ok{i}, in Scope scope, ref global::PolicyAsCode.Adjustment[]? adjustments, ref int count)");
        var folded = Fold(policy, d, locals);

        // Whether narrowing can meet an empty intersection at all: when it cannot, no contradiction is tracked or handled.
        var contradicts = folded is null ? rules.Count > 0 : folded.Conflict.Any(x => x >= 0);
        if (folded is not null)
        {
            // Narrowing depends only on which scope tests hold, so it was done at build time for each combination;
            // where every combination narrows alike, the one result is used without looking at the scope.
            var uniform = folded.Strict.All(b => b == folded.Strict[0]) && folded.Conflict.All(x => x == folded.Conflict[0])
                && (!waivable || (folded.Relaxed.All(b => b == folded.Relaxed[0]) && folded.Waives.All(u => u == folded.Waives[0])));
            var key = uniform || folded.Keys.Count == 0 ? "0" : string.Join(" | ", folded.Keys.Select((k, bit) => $"({k} ? {1 << bit} : 0)"));
            var at = key == "0" ? "0" : $"k{i}";
            if (key != "0")
            {
                w.Line($"var k{i} = {key};");
            }

            w.Line($"var s{i} = PolicyTables.Strict{i}[{at}];");
            if (contradicts)
            {
                w.Line($"var x{i} = PolicyTables.Conflict{i}[{at}];");
            }

            if (waivable)
            {
                w.Line($"var r{i} = PolicyTables.Relaxed{i}[{at}];");
                w.Line($"var u{i} = PolicyTables.Waives{i}[{at}];");
            }
        }
        else
        {
            w.Line($"var s{i} = PolicyTables.Domain{i};");
            if (contradicts)
            {
                w.Line($"var x{i} = -1;");
            }

            if (waivable)
            {
                w.Line($"var r{i} = PolicyTables.Domain{i};");
                w.Line($"var y{i} = -1;");
                w.Line($"var u{i} = false;");
            }
        }

        foreach (var b in folded is null ? rules : [])
        {
            var applies = locals.Applies(b);
            var userWaived = locals.UserWaived(b);
            var narrow = $"s{i} = {Lattice}.Narrow(s{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref x{i});";
            string? relaxed = null;
            if (waivable)
            {
                relaxed = userWaived.Length > 0
                    ? $"if ({userWaived}) u{i} = true; else r{i} = {Lattice}.Narrow(r{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref y{i});"
                    : $"r{i} = {Lattice}.Narrow(r{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref y{i});";
            }

            if (applies.Length == 0)
            {
                w.Line(narrow);
                if (relaxed is not null)
                {
                    w.Line(relaxed);
                }
            }
            else
            {
                using (w.Block($"if ({applies})"))
                {
                    w.Line(narrow);
                    if (relaxed is not null)
                    {
                        w.Line(relaxed);
                    }
                }
            }
        }

        w.Line($"{Value} g{i};");
        if (contradicts)
        {
            using (w.Block($"if (x{i} >= 0)"))
            {
                w.Line($"g{i} = {Lattice}.Strictest(s{i}, {strict});");
                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.Contradiction, v{i}, g{i}, x{i});");
            }
        }

        using (w.Block($"{(contradicts ? "else if" : "if")} (!ok{i})"))
        {
            w.Line($"g{i} = {Lattice}.Strictest(s{i}, {strict});");
            if (rules.Count == 0)
            {
                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.FailedClosed, v{i}, g{i}, -1);");
            }
            else
            {
                // Cite the first applicable bound whose own strictest value was granted, else the first applicable bound.
                w.Line($"var cite{i} = -1;");
                var first = true;
                foreach (var b in rules)
                {
                    var applies = locals.Applies(b);
                    var test = (applies.Length > 0 ? applies + " && " : string.Empty) + $"PolicyTables.Strictest{b.Index} == g{i}";
                    w.Line($"{(first ? "if" : "else if")} ({test}) cite{i} = {b.Index};");
                    first = false;
                }

                foreach (var b in rules)
                {
                    var applies = locals.Applies(b);
                    w.Line(applies.Length > 0 ? $"else if ({applies}) cite{i} = {b.Index};" : $"else cite{i} = {b.Index};");
                    if (applies.Length == 0)
                    {
                        break;
                    }
                }

                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.FailedClosed, v{i}, g{i}, cite{i});");
            }
        }

        using (w.Block($"else if ({Lattice}.Contains(s{i}, v{i}))"))
        {
            w.Line($"g{i} = v{i};");
        }

        using (w.Block("else"))
        {
            var waive = waivable ? $"waive{i}" : "false";
            if (waivable)
            {
                w.Line($"var waive{i} = u{i} && {Lattice}.Contains(r{i}, v{i});");
                w.Line($"g{i} = waive{i} ? v{i} : {Lattice}.Clamp(u{i} ? r{i} : s{i}, v{i}, {strict});");
            }
            else
            {
                w.Line($"g{i} = {Lattice}.Clamp(s{i}, v{i}, {strict});");
            }

            w.Line($"var cite{i} = -1;");
            var first = true;
            var emitted = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var b in rules)
            {
                var tests = new System.Collections.Generic.List<string>();
                var applies = locals.Applies(b);
                if (applies.Length > 0)
                {
                    tests.Add(applies);
                }

                // The value is readable here, so the bound's membership test folds into constants too.
                var within = Within(d, b.Bound, d.Domain, $"v{i}");
                if (within.Length == 0)
                {
                    continue; // the bound holds every readable value, so it is never the one broken
                }

                tests.Add($"!({within})");
                if (waivable)
                {
                    var userWaived = locals.UserWaived(b);
                    tests.Add(userWaived.Length > 0 ? $"{waive} == {userWaived}" : $"!{waive}");
                }

                var test = string.Join(" && ", tests);
                if (!emitted.Add(test))
                {
                    continue; // the same test as an earlier bound's, which is cited first: this branch could never run
                }

                w.Line($"{(first ? "if" : "else if")} ({test}) cite{i} = {b.Index};");
                first = false;
            }

            var cause = waivable
                ? $"{waive} ? global::PolicyAsCode.AdjustmentCause.Waived : global::PolicyAsCode.AdjustmentCause.Clamped"
                : "global::PolicyAsCode.AdjustmentCause.Clamped";
            w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, {cause}, v{i}, g{i}, cite{i});");
        }

        w.Line($"return g{i};");
    }

    private static string InDomain(DimensionModel d, string value) => d.Kind switch
    {
        DimensionKind.Real => $" && double.IsFinite({value}.Number)",
        DimensionKind.Ordinal or DimensionKind.Choice => $" && {value}.Bits < {MaxMembers}UL",
        DimensionKind.Set => $" && ({value}.Bits & {Literals.ULong(~d.Domain.Ceiling)}) == 0UL",
        _ => string.Empty,
    };
}
