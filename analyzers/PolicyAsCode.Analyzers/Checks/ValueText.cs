using System.Collections.Generic;
using System.Globalization;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>Writes a dimension value as a reader would say it, and as C# a code fix can insert.</summary>
internal static class ValueText
{
    /// <summary>The value as run time words it (<see cref="Wording.Value"/>).</summary>
    public static string Label(DimensionModel dimension, DimensionValue value) => Wording.Value(dimension.Words, value);

    public static string CSharp(DimensionModel dimension, DimensionValue value)
    {
        var type = "global::" + dimension.TypeName;
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                return value.Bits != 0 ? "true" : "false";
            case DimensionKind.Integer:
                return ((long)value.Number).ToString(CultureInfo.InvariantCulture);
            case DimensionKind.Real:
                var text = value.Number.ToString("R", CultureInfo.InvariantCulture);
                return text.Contains(".") || text.Contains("E") ? text : text + ".0";
            case DimensionKind.Choice:
                return "\"" + dimension.Members[value.Position].Name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
            case DimensionKind.Set:
                var names = Flags(dimension, value.Bits);
                return names.Count == 0 ? $"({type})0" : string.Join(" | ", names.ConvertAll(n => type + "." + n));
            default:
                return type + "." + dimension.Members[value.Position].Name;
        }
    }

    /// <summary>The bound as run time words it (<see cref="Wording.Bound"/>).</summary>
    public static string Bound(DimensionModel dimension, Bound bound) => Wording.Bound(dimension.Words, bound);

    private static List<string> Flags(DimensionModel dimension, ulong bits) => Wording.FlagNames(dimension.Words, bits, out _);
}
