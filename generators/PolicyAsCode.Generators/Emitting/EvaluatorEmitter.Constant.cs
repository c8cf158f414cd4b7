using System.Linq;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

// Prints the resolution of a dimension whose strict bound is the same in every context (DimensionPlan.Constant), as the
// plan worked it out: the bound's test, its strictest value and the members' clamp table as constants, inlined into
// ResolveMoved; numbers and sets clamp through the runtime's Lattice.ClampNumber and ClampMask.
internal static partial class EvaluatorEmitter
{
    private static void EmitConstantDimension(SourceWriter w, DimensionPlan plan, ConstantResolution constant, string scopeType)
    {
        var d = plan.Dimension;
        var i = plan.Index;
        var strict = constant.Strict;
        var inside = constant.Inside;
        if (constant.ClampedPositions is { } clamped)
        {
            // Where each member position clamps to; an encoded member is always one of the dimension's positions.
            w.Line($"private static global::System.ReadOnlySpan<byte> Clamped{i} => new byte[] {{ {string.Join(", ", clamped.Select(Literals.Int))} }};");
        }

        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using var _ = w.Block($"public static {Value} Resolve{i}({Value} {Requested}, bool readable, in {scopeType} scope, ref {Recorder} adjusted)");
        using (w.Block("if (!readable)"))
        {
            w.Line(Record(i, "FailedClosed"));
            w.Line($"return {Literals.Value(d.Kind, constant.Strictest)};");
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
