using System.Linq;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

// The body of Resolve: the fast path when every value lies inside, the path that records what moved, and the hazard
// rules (the scope of context tests they read is the record's PolicyScope, printed by GateEmitter).
internal static partial class EvaluatorEmitter
{
    private static void EmitInside(SourceWriter w, EvaluatorPlan plan, string self)
    {
        for (var k = 0; k < plan.Chunks; k++)
        {
            w.Line();
            if (plan.Chunks == 1)
            {
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            using (w.Block($"public static bool Inside{k}({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in {plan.ScopeType} scope)"))
            {
                // With anything unreadable the fast path gives up at once; ResolveMoved tests each dimension exactly.
                w.Line("if (!readAll || !unreadable.IsEmpty) return false;");
                var reachable = true;
                foreach (var dimension in plan.Chunk(k))
                {
                    var fast = dimension.FastPath;
                    if (fast.Inside.IsNever)
                    {
                        // The dimension's unconditional bounds contradict each other: no value is ever inside, so every
                        // resolution takes the full path (and nothing after this line could run).
                        w.Line($"return false; // {dimension.Dimension.Name}: the unconditional bounds leave no value");
                        reachable = false;
                        break;
                    }

                    if (fast.Inside.IsExpression)
                    {
                        w.Line($"// {dimension.Dimension.Name}");
                        w.Line(fast.Declaration);
                        w.Line($"if ({fast.Inside.Not()}) return false;");
                    }
                }

                if (reachable)
                {
                    w.Line("return true;");
                }
            }
        }
    }

    private static void EmitResolveMoved(SourceWriter w, EvaluatorPlan plan, string self)
    {
        if (plan.Dimensions.Count == 0)
        {
            return;
        }

        w.Line();
        var signature = $"public static global::PolicyAsCode.Resolution<{self}> ResolveMoved({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in global::PolicyAsCode.PolicyContext context, in {plan.ScopeType} scope)";
        if (plan.Splits)
        {
            EmitResolveMovedInChunks(w, plan, self, signature);
            return;
        }

        using var _ = w.Block(signature);
        foreach (var dimension in plan.Dimensions)
        {
            var inside = EmitRead(w, dimension);
            w.Line($"var inside{dimension.Index} = {inside};");
        }

        // What moved is recorded as bits on the stack; the effective record is the one object this path allocates.
        w.Line();
        w.Line($"var adjusted = default({Recorder});");
        foreach (var dimension in plan.Dimensions)
        {
            var i = dimension.Index;
            w.Line($"var granted{i} = inside{i} ? value{i} : Resolve{i}(value{i}, readable{i}, in scope, ref adjusted);");
        }

        EmitMovedResolution(w, plan, self, i => $"granted{i}");
    }

    // The same steps, each chunk of dimensions in a method of its own writing its granted values into one buffer,
    // rented from the shared pool (the policy is wider than SplitAbove, so a stack buffer would be zeroed, kilobytes a
    // call) and returned: a resolution still allocates only the effective record.
    private static void EmitResolveMovedInChunks(SourceWriter w, EvaluatorPlan plan, string self, string signature)
    {
        // The steps first: ResolveMoved's initialiser of every dimension comes last (EmitTables says why).
        for (var k = 0; k < plan.Steps; k++)
        {
            using (w.Block($"public static void Granted{k}({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in {plan.ScopeType} scope, ref {Recorder} adjusted, {Value}[] granted)"))
            {
                foreach (var dimension in plan.Step(k))
                {
                    var i = dimension.Index;
                    var inside = EmitRead(w, dimension);
                    w.Line($"granted[{i}] = {inside} ? value{i} : Resolve{i}(value{i}, readable{i}, in scope, ref adjusted);");
                }
            }

            w.Line();
        }

        var pool = $"global::System.Buffers.ArrayPool<{Value}>.Shared";
        using (w.Block(signature))
        {
            w.Line($"var adjusted = default({Recorder});");
            w.Line($"var granted = {pool}.Rent({plan.Dimensions.Count});");
            using (w.Block("try"))
            {
                for (var k = 0; k < plan.Steps; k++)
                {
                    w.Line($"Granted{k}(source, readAll, unreadable, in scope, ref adjusted, granted);");
                }

                EmitMovedResolution(w, plan, self, i => $"granted[{i}]");
            }

            using (w.Block("finally"))
            {
                w.Line($"{pool}.Return(granted);");
            }
        }
    }

    // A dimension's value read from the request and encoded, and whether it is readable; returns the test that it is
    // also inside every bound that applies, for the caller to keep or to resolve by.
    private static Test EmitRead(SourceWriter w, DimensionPlan dimension)
    {
        var i = dimension.Index;
        w.Line($"// {dimension.Dimension.Name}");
        w.Line($"var value{i} = Encode{i}(source.{CSharpNames.Escape(dimension.Dimension.Name)});");
        w.Line($"var readable{i} = {dimension.Readable};");
        return Test.Name($"readable{i}").And(dimension.Inside);
    }

    // The effective record (copied from the request only when something moved), the hazards refused, the resolution.
    private static void EmitMovedResolution(SourceWriter w, EvaluatorPlan plan, string self, System.Func<int, string> granted)
    {
        w.Line();
        w.Line("var effective = source;");
        using (w.Block("if (!adjusted.IsEmpty)"))
        {
            w.Line("effective = source with");
            w.Line("{");
            foreach (var dimension in plan.Dimensions)
            {
                w.Line($"    {CSharpNames.Escape(dimension.Dimension.Name)} = Decode{dimension.Index}({granted(dimension.Index)}),");
            }

            w.Line("};");
        }

        w.Line();
        var own = plan.OwnLists.Select(d => $"{granted(d)}, ");
        w.Line($"var forbidden = Forbidden(in scope, {string.Concat(own)}out var active);");
        w.Line($"return {NewResolution(self, "readAll ? source : null", "effective", "adjusted.ToAdjustedDimensions()")};");
    }

    // Every rule's hazards masked in by whether it is active, with no jump: which rules are active varies request by
    // request, and Admits answers from here with nothing else that branches on the request.
    private static void EmitForbidden(SourceWriter w, EvaluatorPlan plan)
    {
        w.Line();
        var own = plan.OwnLists.Select(d => $"{Value} granted{d}, ");
        using var _ = w.Block($"public static global::PolicyAsCode.Hazard Forbidden(in {plan.ScopeType} scope, {string.Concat(own)}out ulong active)");
        w.Line("var forbidden = 0UL;");
        w.Line("active = 0UL;");
        foreach (var f in plan.Policy.Forbids)
        {
            var bit = Literals.ULong(1UL << f.Index);
            if (f.IsUsersOwn)
            {
                w.Line($"var ownList{f.Index} = granted{f.Dimension}.Bits & {Literals.ULong(f.Hazards)};");
                w.Line($"forbidden |= ownList{f.Index};");
                w.Line($"active |= (ulong){ToByte}(ownList{f.Index} != 0UL) << {f.Index};");
                continue;
            }

            var active = plan.Forbids[f.Index];
            if (active.IsNever)
            {
                continue; // the rule never applies
            }

            if (active.IsAlways)
            {
                w.Line($"forbidden |= {Literals.ULong(f.Hazards)};");
                w.Line($"active |= {bit};");
                continue;
            }

            w.Line($"var rule{f.Index} = 0UL - {ToByte}({active.Eager});");
            w.Line($"forbidden |= {Literals.ULong(f.Hazards)} & rule{f.Index};");
            w.Line($"active |= {bit} & rule{f.Index};");
        }

        w.Line("return (global::PolicyAsCode.Hazard)forbidden;");
    }
}
