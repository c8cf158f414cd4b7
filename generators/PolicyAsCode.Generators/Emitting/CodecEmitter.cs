using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints a dimension's encoder and decoder in <c>PolicyTables</c>: between the typed property and its
/// <c>DimensionValue</c> on the lattice. An out-of-domain value encodes to a position no member has, so it reads as
/// unreadable and resolves fail-closed.
/// </summary>
internal static class CodecEmitter
{
    private const string Value = "global::PolicyAsCode.DimensionValue";
    private const int MaxMembers = PolicyAsCode.Lattice.MaxMembers;

    public static void Emit(SourceWriter writer, DimensionModel d)
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
            case DimensionKind.Ordinal when d.IsContiguous():
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
