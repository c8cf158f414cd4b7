using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

// PolicyTables: the registry, the bound constants and each dimension's encoder and decoder.
internal static partial class EvaluatorEmitter
{
    private static void EmitTables(SourceWriter writer, PolicyModel policy, EvaluatorLocals scope)
    {
        var self = policy.UserTier.Qualified;
        writer.Line($"/// <summary>The constant tables of {policy.UserTier.Name}'s evaluator.</summary>");
        using var _ = writer.Block("file static class PolicyTables");
        TableHelpers.Emit(writer);
        RegistryEmitter.Emit(writer, policy);
        writer.Line();

        var known = HazardMasks.Known(policy);
        writer.Line($"public const global::PolicyAsCode.Hazard UnknownHazards = {Literals.Hazard(~known)};");
        writer.Line();
        foreach (var d in policy.Dimensions)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Domain{d.Index} = {Literals.Bound(d.Domain)};");
        }

        foreach (var b in policy.Bounds)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Bound{b.Index} = {Literals.Bound(b.Bound)};");
        }

        foreach (var b in policy.Bounds)
        {
            var strict = policy.Dimensions[b.Dimension].HigherIsStricter ? "true" : "false";
            writer.Line($"public static readonly global::PolicyAsCode.DimensionValue Strictest{b.Index} = global::PolicyAsCode.Lattice.Strictest(Bound{b.Index}, {strict});");
        }

        EmitFoldedTables(writer, policy, scope);
        foreach (var f in policy.Forbids)
        {
            writer.Line($"public static readonly global::PolicyAsCode.ForbidRule Forbid{f.Index} = Registry.Forbids[{f.Index}];");
            writer.Line($"public static readonly global::PolicyAsCode.TierInfo ForbidTier{f.Index} = Registry.Tiers[{f.Tier}];");
        }

        writer.Line();
        using (writer.Block("public static int MatchJurisdiction(string? jurisdiction)"))
        {
            var jurisdictions = policy.Jurisdictions;
            for (var j = 0; j < jurisdictions.Count; j++)
            {
                writer.Line($"if (string.Equals(jurisdiction, {Literals.String(jurisdictions[j])}, global::System.StringComparison.OrdinalIgnoreCase)) return {j};");
            }

            writer.Line("return -1;");
        }

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

        EmitInside(writer, policy, scope, self);
        EmitResolveMoved(writer, policy, scope, self);
        foreach (var d in policy.Dimensions)
        {
            EmitDimension(writer, policy, d, scope);
        }

        EmitForbidden(writer, policy, scope);
        foreach (var d in policy.Dimensions)
        {
            writer.Line();
            EmitCodec(writer, d);
        }

        EmitScope(writer, scope);
    }

    private static bool IsContiguous(DimensionModel d)
    {
        for (var p = 0; p < d.Members.Count; p++)
        {
            if (d.Members[p].Value != p)
            {
                return false;
            }
        }

        return true;
    }

    private static void EmitCodec(SourceWriter writer, DimensionModel d)
    {
        var i = d.Index;
        switch (d.Kind)
        {
            case DimensionKind.Boolean:
                writer.Line($"public static {Value} Encode{i}(bool value) => {Value}.OfPosition(value ? 1 : 0);");
                writer.Line($"public static bool Decode{i}({Value} value) => value.Bits != 0UL;");
                break;
            case DimensionKind.Integer:
                writer.Line($"public static {Value} Encode{i}(int value) => {Value}.OfNumber(value);");
                writer.Line($"public static int Decode{i}({Value} value) => double.IsNaN(value.Number) ? 0 : (int)global::System.Math.Clamp(value.Number, int.MinValue, int.MaxValue);");
                break;
            case DimensionKind.Real:
                writer.Line($"public static {Value} Encode{i}(double value) => {Value}.OfNumber(value);");
                writer.Line($"public static double Decode{i}({Value} value) => value.Number;");
                break;
            case DimensionKind.Set:
                writer.Line($"public static {Value} Encode{i}({d.TypeSyntax} value) => {Value}.OfMask(unchecked((ulong)(long)value));");
                writer.Line($"public static {d.TypeSyntax} Decode{i}({Value} value) => unchecked(({d.TypeSyntax})(long)value.Bits);");
                break;
            case DimensionKind.Ordinal when IsContiguous(d):
                // Members valued 0, 1, 2, ... in order: the position is the value, with no switch to jump through.
                writer.Line($"public static {Value} Encode{i}({d.TypeSyntax} value) => {Value}.OfPosition(unchecked((ulong)(long)value) < {d.Members.Count}UL ? (int)(long)value : {MaxMembers});");
                writer.Line($"public static {d.TypeSyntax} Decode{i}({Value} value) => value.Bits < {d.Members.Count}UL ? unchecked(({d.TypeSyntax})(long)value.Bits) : unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.UndefinedValue))});");
                break;
            case DimensionKind.Ordinal:
                using (writer.Block($"public static {Value} Encode{i}({d.TypeSyntax} value)"))
                {
                    using (writer.Block("switch (unchecked((long)value))"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {Literals.Long(d.Members[p].Value)}: return {Value}.OfPosition({p});");
                        }

                        writer.Line($"default: return {Value}.OfPosition({MaxMembers});");
                    }
                }

                using (writer.Block($"public static {d.TypeSyntax} Decode{i}({Value} value)"))
                {
                    using (writer.Block("switch (value.Bits)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {p}UL: return unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.Members[p].Value))});");
                        }

                        writer.Line($"default: return unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.UndefinedValue))});");
                    }
                }

                break;
            case DimensionKind.Choice:
                using (writer.Block($"public static {Value} Encode{i}(string? value)"))
                {
                    using (writer.Block("switch (value)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {Literals.String(d.Members[p].Name)}: return {Value}.OfPosition({p});");
                        }

                        writer.Line($"default: return {Value}.OfPosition({MaxMembers});");
                    }
                }

                using (writer.Block($"public static string Decode{i}({Value} value)"))
                {
                    using (writer.Block("switch (value.Bits)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {p}UL: return {Literals.String(d.Members[p].Name)};");
                        }

                        writer.Line("default: return null!;");
                    }
                }

                break;
        }
    }
}
