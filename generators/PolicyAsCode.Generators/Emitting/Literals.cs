using System.Globalization;
using System.Text;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>C# literals for the values the emitters write.</summary>
internal static class Literals
{
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Double(double value)
    {
        if (value == double.MaxValue)
        {
            return "double.MaxValue";
        }

        if (value == -double.MaxValue)
        {
            return "-double.MaxValue";
        }

        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public static string ULong(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

    public static string UInt(uint value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "U";

    public static string Long(long value) => value == long.MinValue ? "long.MinValue" : value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// A bound, as a call to the short constructor <see cref="TableHelpers"/> emits for its kind (numbers for integers
    /// and reals, masks for the rest) when the other pair is zero, as every bound the lattice makes has; else in full.
    /// Only for code inside <c>PolicyTables</c>, which holds those constructors.
    /// </summary>
    public static string Bound(Bound bound)
    {
        var numeric = bound.Kind is DimensionKind.Integer or DimensionKind.Real;
        if (numeric && bound.Floor == 0 && bound.Ceiling == 0)
        {
            return $"{bound.Kind}Bound({Double(bound.Lo)}, {Double(bound.Hi)})";
        }

        if (!numeric && System.BitConverter.DoubleToInt64Bits(bound.Lo) == 0 && System.BitConverter.DoubleToInt64Bits(bound.Hi) == 0)
        {
            return $"{bound.Kind}Bound({ULong(bound.Floor)}, {ULong(bound.Ceiling)})";
        }

        return $"new global::PolicyAsCode.Bound(global::PolicyAsCode.DimensionKind.{bound.Kind}, {Double(bound.Lo)}, {Double(bound.Hi)}, {ULong(bound.Floor)}, {ULong(bound.Ceiling)})";
    }

    public static string Value(DimensionKind kind, DimensionValue value) => kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => $"global::PolicyAsCode.DimensionValue.OfNumber({Double(value.Number)})",
        DimensionKind.Set => $"global::PolicyAsCode.DimensionValue.OfMask({ULong(value.Bits)})",
        _ => $"global::PolicyAsCode.DimensionValue.OfPosition({Int(value.Position)})",
    };

    /// <summary>A cast of a literal to a type; a negative literal is parenthesised, since <c>(T)-1L</c> parses as a subtraction (CS0075).</summary>
    public static string Cast(string type, string literal) =>
        $"({type}){(literal.StartsWith("-", System.StringComparison.Ordinal) ? "(" + literal + ")" : literal)}";

    /// <summary>Facts by name, <c>global::PolicyAsCode.Fact.Minor | global::PolicyAsCode.Fact.RolePlay</c>; a bit no fact names stays a number.</summary>
    public static string Fact(uint bits)
    {
        if (bits == 0)
        {
            return "global::PolicyAsCode.Fact.None";
        }

        var parts = new System.Collections.Generic.List<string>();
        var unnamed = 0u;
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if ((bits & bit) == 0)
            {
                continue;
            }

            var name = ((global::PolicyAsCode.Fact)bit).ToString();
            if (name.Length > 0 && !char.IsDigit(name[0]))
            {
                parts.Add("global::PolicyAsCode.Fact." + name);
            }
            else
            {
                unnamed |= bit;
            }
        }

        if (unnamed != 0)
        {
            parts.Add($"(global::PolicyAsCode.Fact){UInt(unnamed)}");
        }

        return string.Join(" | ", parts);
    }

    /// <summary>A tier rank by name: <c>global::PolicyAsCode.TierRank.Immutable</c>.</summary>
    public static string Rank(int rank) =>
        rank is (int)global::PolicyAsCode.TierRank.Immutable or (int)global::PolicyAsCode.TierRank.Organisation or (int)global::PolicyAsCode.TierRank.User
            ? "global::PolicyAsCode.TierRank." + (global::PolicyAsCode.TierRank)rank
            : $"(global::PolicyAsCode.TierRank){rank}";

    public static string Hazard(ulong bits) => $"(global::PolicyAsCode.Hazard){ULong(bits)}";
}
