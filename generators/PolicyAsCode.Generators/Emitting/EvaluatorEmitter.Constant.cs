using System.Linq;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

// The resolution of a dimension whose strict bound is the same in every context (DimensionPlan.Constant): the bound's
// tests, strictest value and clamp are folded into typed code, inlined into ResolveMoved. Every answer still comes from
// the runtime's Lattice: the strictest value and a member's clamp are computed with it here, at build time, and
// numbers and sets clamp through its ClampNumber and ClampMask at run time.
internal static partial class EvaluatorEmitter
{
    private static void EmitConstantDimension(SourceWriter w, DimensionPlan plan, Bound strict)
    {
        var d = plan.Dimension;
        var i = plan.Index;
        var inside = Membership.Within(d, strict, d.Domain, ValueAccess.Encoded(Requested));
        if (PolicyAsCode.Lattice.IsMembers(d.Kind) && !inside.IsAlways)
        {
            // Where each member position clamps to; an encoded member is always one of the dimension's positions.
            var clamped = Enumerable.Range(0, d.Members.Count)
                .Select(p => PolicyAsCode.Lattice.Clamp(strict, DimensionValue.OfPosition(p), d.HigherIsStricter).Position);
            w.Line($"private static global::System.ReadOnlySpan<byte> Clamped{i} => new byte[] {{ {string.Join(", ", clamped.Select(Literals.Int))} }};");
        }

        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using var _ = w.Block($"public static {Value} Resolve{i}({Value} {Requested}, bool readable, in Scope scope, ref {Recorder} adjusted)");
        using (w.Block("if (!readable)"))
        {
            w.Line(Record(i, "FailedClosed"));
            w.Line($"return {Literals.Value(d.Kind, PolicyAsCode.Lattice.Strictest(strict, d.HigherIsStricter))};");
        }

        if (inside.IsAlways)
        {
            w.Line($"return {Requested};");
            return;
        }

        if (inside.IsExpression)
        {
            w.Line($"if ({inside}) return {Requested};");
        }

        w.Line(Record(i, "Clamped"));
        var clamp = d.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real => $"{Lattice}.ClampNumber({Requested}, {Literals.Double(strict.Lo)}, {Literals.Double(strict.Hi)})",
            DimensionKind.Set => $"{Lattice}.ClampMask({Requested}, {Literals.ULong(strict.Floor)}, {Literals.ULong(strict.Ceiling)})",
            _ => $"{Value}.OfPosition(Clamped{i}[(int){Requested}.Bits])",
        };
        w.Line($"return {clamp};");
    }
}
