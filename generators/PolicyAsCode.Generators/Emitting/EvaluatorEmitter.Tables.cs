using System.Linq;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

// PolicyTables: the registry, the bound constants and folded chains, the hazard refusals; then the methods of the
// other parts and each dimension's encoder and decoder.
internal static partial class EvaluatorEmitter
{
    private static void EmitTables(SourceWriter writer, EvaluatorPlan plan)
    {
        var policy = plan.Policy;
        var self = policy.UserTier.Qualified;
        writer.Line($"/// <summary>The constant tables of {policy.UserTier.Name}'s evaluator.</summary>");
        writer.Line(GeneratedFile.GeneratedCode);
        using var _ = writer.Block("file static class PolicyTables");
        TableHelpers.Emit(writer, links: !RegistryEmitter.ReadsData(plan.RegistryData.Length));
        RegistryEmitter.Emit(writer, policy, plan.RegistryData.Length);
        writer.Line();

        var known = HazardMasks.Known(policy);
        writer.Line($"public const global::PolicyAsCode.Hazard UnknownHazards = {Literals.Hazard(~known)};");
        writer.Line();
        foreach (var d in policy.Dimensions)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Domain{d.Index} = {Literals.Bound(d.Domain)};");
        }

        // Only the constants some test reads: the registry holds every bound already.
        foreach (var b in policy.Bounds.Where(b => plan.BoundsRead.Contains(b.Index)))
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Bound{b.Index} = {Literals.Bound(b.Bound)};");
        }

        foreach (var dimension in plan.Dimensions)
        {
            EmitFoldedTables(writer, dimension);
        }

        foreach (var f in policy.Forbids)
        {
            writer.Line($"public static readonly global::PolicyAsCode.ForbidRule Forbid{f.Index} = Registry.Forbids[{f.Index}];");
            writer.Line($"public static readonly global::PolicyAsCode.TierInfo ForbidTier{f.Index} = Registry.Tiers[{f.Tier}];");
        }

        writer.Line();
        JurisdictionEmitter.Emit(writer, plan);
        JurisdictionEmitter.EmitLengths(writer, plan);

        writer.Line();
        using (writer.Block($"public static global::PolicyAsCode.Decision Refuse(in global::PolicyAsCode.Resolution<{self}> resolution, global::PolicyAsCode.Hazard detected)"))
        {
            writer.Line("if (!resolution.IsResolved) return global::PolicyAsCode.Decision.RefuseUnresolved(detected);");
            writer.Line("var unknown = detected & UnknownHazards;");
            writer.Line("if (unknown != global::PolicyAsCode.Hazard.None) return global::PolicyAsCode.Decision.RefuseUnknown(unknown);");
            writer.Line("var active = resolution.ActiveForbids;");
            foreach (var f in policy.Forbids)
            {
                var hit = f.IsUsersOwn ? "detected & resolution.Forbidden" : $"detected & {Literals.Hazard(f.Hazards)}";
                writer.Line($"if ((active & {Literals.ULong(1UL << f.Index)}) != 0UL && ({hit}) != global::PolicyAsCode.Hazard.None) return global::PolicyAsCode.Decision.Refuse(Forbid{f.Index}, ForbidTier{f.Index}, {hit});");
            }

            writer.Line("return global::PolicyAsCode.Decision.RefuseUnresolved(detected);");
        }

        EmitInside(writer, plan, self);
        WithinEmitter.EmitChunks(writer, plan, self);
        foreach (var dimension in plan.Dimensions)
        {
            EmitDimension(writer, dimension, plan.ScopeType);
        }

        EmitForbidden(writer, plan);
        GateEmitter.EmitHazardRows(writer, plan);
        GateEmitter.EmitRefuseUntestedScope(writer);
        GateEmitter.EmitGrantedValues(writer, plan, self);
        foreach (var d in policy.Dimensions)
        {
            writer.Line();
            CodecEmitter.Emit(writer, d);
        }

        // Last, for the compiler's parser: the effective record's initialiser is one list of every dimension, and the
        // parser keeps the builder it grew for it and clears the whole of it for every list it parses afterwards, so
        // written early it made part of parsing the tables quadratic in the number of dimensions (GeneratedFile.Write).
        EmitResolveMoved(writer, plan, self);
    }

    // A folded chain as tables indexed by the combination of context tests (FoldedChain says which bit is which).
    private static void EmitFoldedTables(SourceWriter writer, DimensionPlan plan)
    {
        // A constant dimension's one bound is printed into its typed code instead.
        if (plan.Folded is not { } folded || plan.Constant is not null)
        {
            return;
        }

        var i = plan.Index;
        writer.Line($"public static readonly global::PolicyAsCode.Bound[] Strict{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Strict.Select(Literals.Bound))} }};");
        if (folded.CanContradict)
        {
            writer.Line($"public static readonly int[] Conflict{i} = new int[] {{ {string.Join(", ", folded.Conflict.Select(Literals.Int))} }};");
        }

        if (plan.Waivable)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound[] Relaxed{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Relaxed.Select(Literals.Bound))} }};");
            writer.Line($"public static readonly bool[] Waives{i} = new bool[] {{ {string.Join(", ", folded.Waives.Select(Literals.Bool))} }};");
        }
    }
}
