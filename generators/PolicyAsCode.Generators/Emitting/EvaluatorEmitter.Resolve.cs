using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators.Emitting;

// The body of Resolve: the fast path when every value lies inside, the path that records what moved, the hazard rules.
internal static partial class EvaluatorEmitter
{
    private static void EmitInside(SourceWriter w, PolicyModel policy, EvaluatorLocals scope, string self)
    {
        var chunks = Chunks(policy);
        for (var k = 0; k < chunks; k++)
        {
            w.Line();
            if (chunks == 1)
            {
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            using (w.Block($"public static bool Inside{k}({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in Scope scope)"))
            {
                // With anything unreadable the fast path gives up at once; ResolveMoved tests each dimension exactly.
                w.Line("if (!readAll || !unreadable.IsEmpty) return false;");
                var reachable = true;
                foreach (var d in policy.Dimensions.Skip(k * ChunkSize).Take(ChunkSize))
                {
                    var (declaration, test) = Inside(policy, d, scope);
                    if (test == "false")
                    {
                        // The dimension's unconditional bounds contradict each other: no value is ever inside, so every
                        // resolution takes the full path (and nothing after this line could run).
                        w.Line($"return false; // {d.Name}: the unconditional bounds leave no value");
                        reachable = false;
                        break;
                    }

                    if (test != "true")
                    {
                        w.Line(declaration);
                        w.Line($"if (!({test})) return false;");
                    }
                }

                if (reachable)
                {
                    w.Line("return true;");
                }
            }
        }
    }

    private static void EmitResolveMoved(SourceWriter w, PolicyModel policy, EvaluatorLocals scope, string self)
    {
        if (policy.Dimensions.Count == 0)
        {
            return;
        }

        w.Line();
        using var _ = w.Block($"public static global::PolicyAsCode.Resolution<{self}> ResolveMoved({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in Scope scope)");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            w.Line($"var v{i} = Encode{i}(source.{CSharpNames.Escape(d.Name)});");
            w.Line($"var ok{i} = {Readable(d)};");
            var test = InsideTest(policy, d, scope);
            w.Line($"var in{i} = ok{i}{(test.Length > 0 ? " && " + test : string.Empty)};");
        }

        // A dimension that fails its test gets exactly one adjustment, so the array is allocated once, at its length.
        w.Line("var moved = 0;");
        foreach (var d in policy.Dimensions)
        {
            w.Line($"if (!in{d.Index}) moved++;");
        }

        w.Line("global::PolicyAsCode.Adjustment[]? adjustments = moved > 0 ? new global::PolicyAsCode.Adjustment[moved] : null;");
        w.Line("var count = 0;");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            w.Line($"var g{i} = in{i} ? v{i} : Resolve{i}(v{i}, ok{i}, in scope, ref adjustments, ref count);");
        }

        w.Line();
        w.Line("var effective = source;");
        using (w.Block("if (count > 0)"))
        {
            w.Line("effective = source with");
            w.Line("{");
            foreach (var d in policy.Dimensions)
            {
                w.Line($"    {CSharpNames.Escape(d.Name)} = Decode{d.Index}(g{d.Index}),");
            }

            w.Line("};");
        }

        w.Line();
        var own = OwnLists(policy).Select(d => $"g{d}, ");
        w.Line($"var forbidden = Forbidden(in scope, {string.Concat(own)}out var active);");
        w.Line($"return new global::PolicyAsCode.Resolution<{self}>(effective, {Support}.Trim(adjustments, count), forbidden, active, scope.Jurisdiction);");
    }

    private static void EmitForbidden(SourceWriter w, PolicyModel policy, EvaluatorLocals scope)
    {
        w.Line();
        var own = OwnLists(policy).Select(d => $"{Value} g{d}, ");
        using var _ = w.Block($"public static global::PolicyAsCode.Hazard Forbidden(in Scope scope, {string.Concat(own)}out ulong active)");
        w.Line("var forbidden = global::PolicyAsCode.Hazard.None;");
        w.Line("active = 0UL;");
        foreach (var f in policy.Forbids)
        {
            if (f.IsUsersOwn)
            {
                w.Line($"var own{f.Index} = (global::PolicyAsCode.Hazard)g{f.Dimension}.Bits & {Literals.Hazard(f.Hazards)};");
                using (w.Block($"if (own{f.Index} != global::PolicyAsCode.Hazard.None)"))
                {
                    w.Line($"forbidden |= own{f.Index};");
                    w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
                }

                continue;
            }

            var test = string.Join(" && ", new[] { scope.Tier(f.Tier), scope.Restricts(f.When, f.Unless) }.Where(p => p.Length > 0));
            if (test.Length == 0)
            {
                w.Line($"forbidden |= {Literals.Hazard(f.Hazards)};");
                w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
            }
            else
            {
                using (w.Block($"if ({test})"))
                {
                    w.Line($"forbidden |= {Literals.Hazard(f.Hazards)};");
                    w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
                }
            }
        }

        w.Line("return forbidden;");
    }

    // The context tests, evaluated once per resolution; every rule that needs one reads it from here.
    private static void EmitScope(SourceWriter w, EvaluatorLocals scope)
    {
        w.Line();
        w.Line("/// <summary>The tests a resolution needs from its context: which laws apply, which conditions restrict, which waivers hold.</summary>");
        using var _ = w.Block("public readonly struct Scope");
        w.Line("public readonly int Jurisdiction;");
        foreach (var name in scope.Names)
        {
            w.Line($"public readonly bool {name};");
        }

        w.Line();
        using (w.Block("public Scope(in global::PolicyAsCode.PolicyContext context)"))
        {
            w.Line("var jurisdiction = MatchJurisdiction(context.Jurisdiction);");
            foreach (var declaration in scope.Declarations)
            {
                w.Line(declaration);
            }

            w.Line("Jurisdiction = jurisdiction;");
            foreach (var name in scope.Names)
            {
                w.Line($"this.{name} = {name};");
            }
        }
    }
}
