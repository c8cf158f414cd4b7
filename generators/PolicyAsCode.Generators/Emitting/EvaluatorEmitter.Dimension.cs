using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

// The resolution of one dimension whose value failed its Inside test: narrow by every applicable bound in canonical
// order, then contradiction, fail closed, inside, or waive or clamp, each recorded with its cause (which bound it
// cites is asked of the runtime's Citation only when the resolution is explained).
internal static partial class EvaluatorEmitter
{
    private const string Requested = DimensionPlan.Requested;
    private const string Granted = DimensionPlan.Granted;
    private const string Waived = DimensionPlan.Waived;
    private const string Cause = "global::PolicyAsCode.AdjustmentCause";

    private static void EmitDimension(SourceWriter w, DimensionPlan plan, string scopeType)
    {
        var d = plan.Dimension;
        var i = plan.Index;
        var stricter = Literals.Bool(d.HigherIsStricter);
        w.Line();
        w.Line($"// {d.Name}: {d.Kind.ToString().ToLowerInvariant()}, {(d.HigherIsStricter ? "higher" : "lower")} is stricter, {plan.Chain.Count} bound(s)");
        if (plan.Constant is { } constant)
        {
            EmitConstantDimension(w, plan, constant, scopeType);
            return;
        }

        using var _ = w.Block($"public static {Value} Resolve{i}({Value} {Requested}, bool readable, in {scopeType} scope, ref {Recorder} adjusted)");
        if (plan.Folded is { } folded)
        {
            EmitFoldedNarrowing(w, plan, folded);
        }
        else
        {
            EmitNarrowing(w, plan);
        }

        w.Line($"{Value} {Granted};");
        if (plan.CanContradict)
        {
            using (w.Block("if (conflict >= 0)"))
            {
                w.Line($"{Granted} = {Lattice}.Strictest(strict, {stricter});");
                w.Line(Record(i, "Contradiction"));
            }
        }

        using (w.Block($"{(plan.CanContradict ? "else if" : "if")} (!readable)"))
        {
            w.Line($"{Granted} = {Lattice}.Strictest(strict, {stricter});");
            w.Line(Record(i, "FailedClosed"));
        }

        using (w.Block($"else if ({Lattice}.Contains(strict, {Requested}))"))
        {
            w.Line($"{Granted} = {Requested};");
        }

        using (w.Block("else"))
        {
            if (plan.Waivable)
            {
                w.Line($"var {Waived} = userWaives && {Lattice}.Contains(relaxed, {Requested});");
                w.Line($"{Granted} = {Waived} ? {Requested} : {Clamp(d, "userWaives ? relaxed : strict")};");
                w.Line($"adjusted.Record({i}, {Waived} ? {Cause}.Waived : {Cause}.Clamped);");
            }
            else
            {
                w.Line($"{Granted} = {Clamp(d, "strict")};");
                w.Line(Record(i, "Clamped"));
            }
        }

        w.Line($"return {Granted};");
    }

    // Narrowing depends only on which context tests hold, so it was done at build time for each combination; where
    // every combination narrows alike, the one result is used without looking at the scope.
    private static void EmitFoldedNarrowing(SourceWriter w, DimensionPlan plan, FoldedChain folded)
    {
        var i = plan.Index;
        var entry = "0";
        if (folded.SelectsByContext)
        {
            w.Line($"var combination = {string.Join(" | ", folded.Keys.Select((test, bit) => $"({test} ? {1 << bit} : 0)"))};");
            entry = "combination";
        }

        w.Line($"var strict = PolicyTables.Strict{i}[{entry}];");
        if (plan.CanContradict)
        {
            w.Line($"var conflict = PolicyTables.Conflict{i}[{entry}];");
        }

        if (plan.Waivable)
        {
            w.Line($"var relaxed = PolicyTables.Relaxed{i}[{entry}];");
            w.Line($"var userWaives = PolicyTables.Waives{i}[{entry}];");
        }
    }

    // The chain as written, for a dimension whose bounds read too many context tests to fold.
    private static void EmitNarrowing(SourceWriter w, DimensionPlan plan)
    {
        var i = plan.Index;
        w.Line($"var strict = PolicyTables.Domain{i};");
        if (plan.CanContradict)
        {
            w.Line("var conflict = -1;");
        }

        if (plan.Waivable)
        {
            w.Line($"var relaxed = PolicyTables.Domain{i};");
            w.Line("var relaxedConflict = -1; // Narrow reports a skipped bound here; the relaxed chain cites none");
            w.Line("var userWaives = false;");
        }

        foreach (var step in plan.Chain)
        {
            if (step.Applies.IsNever)
            {
                continue;
            }

            var b = step.Bound.Index;
            var lines = new List<string> { $"strict = {Lattice}.Narrow(strict, PolicyTables.Bound{b}, {b}, ref conflict);" };
            var relax = $"relaxed = {Lattice}.Narrow(relaxed, PolicyTables.Bound{b}, {b}, ref relaxedConflict);";
            if (plan.Waivable)
            {
                lines.Add(step.UserWaived.IsAlways ? "userWaives = true;"
                    : step.UserWaived.IsNever ? relax
                    : $"if ({step.UserWaived}) userWaives = true; else {relax}");
            }

            if (step.Applies.IsAlways)
            {
                lines.ForEach(line => w.Line(line));
                continue;
            }

            using (w.Block($"if ({step.Applies})"))
            {
                lines.ForEach(line => w.Line(line));
            }
        }
    }

    // The kind is known here, so numbers and sets clamp through the lattice's own rule for them without its kind test.
    private static string Clamp(DimensionModel d, string bound)
    {
        var read = bound.Contains(" ") ? $"({bound})" : bound;
        return d.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real => $"{Lattice}.ClampNumber({Requested}, {read}.Lo, {read}.Hi)",
            DimensionKind.Set => $"{Lattice}.ClampMask({Requested}, {read}.Floor, {read}.Ceiling)",
            _ => $"{Lattice}.Clamp({bound}, {Requested}, {Literals.Bool(d.HigherIsStricter)})",
        };
    }

    private static string Record(int dimension, string cause) => $"adjusted.Record({dimension}, {Cause}.{cause});";
}
