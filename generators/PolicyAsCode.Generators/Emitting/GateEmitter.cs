using System.Linq;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints the gate on the user's record: <c>PolicyScope</c> (which bounds bind in a context, tested once),
/// <c>Admits</c> (whether content may be shown, the answer of <c>Decide(Resolve(…), …).IsAllowed</c>) and
/// <c>Granted</c> (what one dimension resolves to, the answer of <c>Resolve(…).Effective</c>), none of which builds a
/// resolution, explains anything or allocates. They answer from the same tables, steps and hazard rules as
/// <c>Resolve</c>, so a question has one answer whichever way it is asked; differential tests hold them to it.
/// </summary>
internal static class GateEmitter
{
    private const string Value = EvaluatorEmitter.Value;
    private const string Recorder = EvaluatorEmitter.Recorder;
    private const string Hazard = "global::PolicyAsCode.Hazard";
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    // A scope that no constructor filled (default) is refused by name, not read as "no law applies": fail closed.
    private const string RefuseUntested = "if (!scope.Tested) PolicyTables.RefuseUntestedScope();";

    public static void Emit(SourceWriter w, EvaluatorPlan plan, string self)
    {
        EmitScope(w, plan.Scope);
        w.Line();
        EmitAdmits(w, plan, self);
        w.Line();
        EmitGranted(w, plan, self);
        w.Line();
        EmitGrantedValuesMember(w, plan, self);
    }

    // The context tests, evaluated once per context; every rule that needs one reads it from here. Public so that a
    // caller asking several questions in one context matches its jurisdiction once; what it holds stays internal.
    private static void EmitScope(SourceWriter w, ScopeTests scope)
    {
        w.Line("/// <summary>Which bounds bind in one context: its jurisdiction matched and its facts tested once, for <c>Admits</c> and <c>Granted</c> to share.</summary>");
        w.Line(GeneratedFile.GeneratedCode);
        using var _ = w.Block("public readonly struct PolicyScope");
        w.Line("internal readonly int Jurisdiction;");

        // False only in a default scope, which no constructor filled: it would say that no law applies anywhere.
        w.Line("internal readonly bool Tested;");
        foreach (var test in scope.Declared.Where(t => t.IsRead))
        {
            w.Line($"internal readonly bool {test.Name};");
        }

        w.Line();
        w.Line("/// <summary>Tests <paramref name=\"context\"/> once: which laws apply there, which conditions restrict, which waivers hold.</summary>");
        using (w.Block("public PolicyScope(in global::PolicyAsCode.PolicyContext context)"))
        {
            w.Line("var jurisdiction = PolicyTables.MatchJurisdiction(context.Jurisdiction);");
            foreach (var test in scope.Declared)
            {
                w.Line($"var {test.Local} = {test.Expression};");
            }

            w.Line("Jurisdiction = jurisdiction;");
            w.Line("Tested = true;");

            foreach (var test in scope.Declared.Where(t => t.IsRead))
            {
                w.Line($"{test.Name} = {test.Local};");
            }
        }
    }

    private static void EmitAdmits(SourceWriter w, EvaluatorPlan plan, string self)
    {
        w.Line("/// <summary>Whether content showing <paramref name=\"detected\"/> hazards may be shown to <paramref name=\"requested\"/> in <paramref name=\"context\"/>: the answer of <c>Decide(Resolve(requested, context), detected).IsAllowed</c>, without building the resolution or its reasons. Allocates nothing.</summary>");
        w.Line($"public static bool Admits({self}? requested, in global::PolicyAsCode.PolicyContext context, {Hazard} detected) => Admits(requested, new PolicyScope(in context), detected);");
        w.Line();
        w.Line("/// <summary>Whether content showing <paramref name=\"detected\"/> hazards may be shown to <paramref name=\"requested\"/> where <paramref name=\"scope\"/> was tested; for the reason, resolve and decide.</summary>");
        w.Line(Inline);
        using var _ = w.Block($"public static bool Admits({self}? requested, in PolicyScope scope, {Hazard} detected)");
        w.Line(RefuseUntested);
        if (plan.HazardRows is null)
        {
            var own = plan.OwnLists.Select(d => $"PolicyTables.GrantedValue{d}(requested, in scope), ");
            w.Line($"var forbidden = PolicyTables.Forbidden(in scope, {string.Concat(own)}out _);");
            w.Line($"return (detected & (forbidden | PolicyTables.UnknownHazards)) == {Hazard}.None;");
            return;
        }

        // One row for the rules, where Forbidden tests each, picked here rather than in the scope, which Resolve makes
        // too and would compute it for nothing: the jurisdiction, then one bit per condition the rules carry. The users'
        // own lists as Forbidden reads them.
        var rows = plan.HazardRows;
        var bits = rows.Conditions.Select((c, i) => i == 0 ? $" | {EvaluatorEmitter.ToByte}({c})" : $" | ({EvaluatorEmitter.ToByte}({c}) << {i})");
        w.Line($"var row = ((scope.Jurisdiction + 1) << {rows.Conditions.Count}){string.Concat(bits)};");
        var lists = plan.Policy.Forbids.Where(f => f.IsUsersOwn).Select(f => $" | (PolicyTables.GrantedValue{f.Dimension}(requested, in scope).Bits & {Literals.ULong(f.Hazards)})");
        w.Line($"var forbidden = PolicyTables.HazardRows[row]{string.Concat(lists)};");
        w.Line($"return (detected & (({Hazard})forbidden | PolicyTables.UnknownHazards)) == {Hazard}.None;");
    }

    // Per dimension, what a caller reads: the typed value, decoded from what PolicyTables.GrantedValue grants.
    private static void EmitGranted(SourceWriter w, EvaluatorPlan plan, string self)
    {
        w.Line("/// <summary>What each dimension resolves to for a request where a scope was tested: the value <c>Resolve(requested, context).Effective</c> holds, without building the resolution. Allocates nothing.</summary>");
        w.Line(GeneratedFile.GeneratedCode);
        using var _ = w.Block("public static class Granted");
        foreach (var dimension in plan.Dimensions)
        {
            var d = dimension.Dimension;
            w.Line($"/// <summary>What {d.Name} resolves to.</summary>");
            using (w.Block($"public static {d.TypeSyntax} {CSharpNames.Escape(d.Name)}({self}? requested, in PolicyScope scope)"))
            {
                w.Line(RefuseUntested);
                w.Line($"return PolicyTables.Decode{d.Index}(PolicyTables.GrantedValue{d.Index}(requested, in scope));");
            }
        }
    }

    // Every dimension's granted value at once, for generic code (and the differential tests) through the interface.
    private static void EmitGrantedValuesMember(SourceWriter w, EvaluatorPlan plan, string self)
    {
        w.Line("/// <summary>Writes what each dimension resolves to, encoded, in dimension order: the values of <c>Resolve(requested, context).Effective</c>, without building the resolution.</summary>");
        using var _ = w.Block($"static void global::PolicyAsCode.IUserTierPolicy<{self}>.GrantedValues({self}? requested, in global::PolicyAsCode.PolicyContext context, global::System.Span<{Value}> values)");
        w.Line("var scope = new PolicyScope(in context);");
        if (plan.Dimensions.Count > 0)
        {
            // Too short a span is refused before anything is written, by name, not by an index out of range.
            w.Line($"global::System.ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, {plan.Dimensions.Count}, nameof(values));");
        }

        foreach (var dimension in plan.Dimensions)
        {
            w.Line($"values[{dimension.Index}] = PolicyTables.GrantedValue{dimension.Index}(requested, in scope);");
        }
    }

    // In PolicyTables, the throw for a scope no constructor filled, out of line so that the gate's members stay small.
    public static void EmitRefuseUntestedScope(SourceWriter w)
    {
        w.Line();
        w.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        w.Line("public static void RefuseUntestedScope() => throw new global::System.ArgumentException(\"The scope was not made with new PolicyScope(in context): a default scope has tested no context, so Admits and Granted refuse it rather than answer as if no law applied.\", \"scope\");");
    }

    // In PolicyTables, the hazards the rules forbid by row (HazardRows), which Admits reads instead of Forbidden.
    public static void EmitHazardRows(SourceWriter w, EvaluatorPlan plan)
    {
        if (plan.HazardRows is not { } rows)
        {
            return;
        }

        // An array made once: a span over a new ulong[] is allocated on every read where the compiler cannot point it
        // at constant data (an unoptimised build).
        w.Line();
        w.Line($"public static readonly ulong[] HazardRows = new ulong[] {{ {string.Join(", ", rows.Rows.Select(Literals.ULong))} }};");
    }

    // Per dimension, in PolicyTables, the value Resolve grants it: the value as asked where it is readable and inside
    // every bound that binds, else the dimension's own step, the one Resolve runs. A constant bound over members clamps
    // through its table, which maps every member (those inside to themselves), so the value needs no test of its own.
    public static void EmitGrantedValues(SourceWriter w, EvaluatorPlan plan, string self)
    {
        foreach (var dimension in plan.Dimensions)
        {
            var d = dimension.Dimension;
            var i = d.Index;
            w.Line();
            w.Line(Inline);
            using (w.Block($"public static {Value} GrantedValue{i}({self}? requested, in {plan.ScopeType} scope)"))
            {
                w.Line("var readAll = requested is not null;");
                w.Line("var unreadable = default(global::PolicyAsCode.DimensionSet);");
                w.Line($"var value{i} = readAll ? Encode{i}(requested!.{CSharpNames.Escape(d.Name)}) : default;");
                w.Line($"var readable{i} = {dimension.Readable};");
                w.Line($"var adjusted = default({Recorder});");
                if (dimension.Constant is { ClampedPositions: not null })
                {
                    w.Line($"return readable{i} ? {Value}.OfPosition(Clamped{i}[(int)value{i}.Bits]) : Resolve{i}(value{i}, false, in scope, ref adjusted);");
                }
                else
                {
                    var inside = Test.Name($"readable{i}").And(dimension.Inside);
                    w.Line($"return {inside} ? value{i} : Resolve{i}(value{i}, readable{i}, in scope, ref adjusted);");
                }
            }
        }
    }
}
