using System.Collections.Generic;
using System.Globalization;
using PolicyAsCode.Generators;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>Writes a dimension value as a reader would say it, and as C# a code fix can insert.</summary>
internal static class ValueText
{
    public static string Label(DimensionModel dimension, DimensionValue value)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                return value.Number.ToString("R", CultureInfo.InvariantCulture);
            case DimensionKind.Set:
                var names = Flags(dimension, value.Bits);
                return names.Count == 0 ? "none" : string.Join(" | ", names);
            case DimensionKind.Choice:
                return value.Position < dimension.Members.Count ? "\"" + dimension.Members[value.Position].Name + "\"" : "(none)";
            default:
                return value.Position < dimension.Members.Count ? dimension.Members[value.Position].Name : "(undefined)";
        }
    }

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

    public static string Bound(DimensionModel dimension, Bound bound)
    {
        if (Lattice.IsEmpty(bound))
        {
            return "nothing";
        }

        switch (dimension.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
                var lo = bound.Lo <= dimension.Domain.Lo ? null : Label(dimension, DimensionValue.OfNumber(bound.Lo));
                var hi = bound.Hi >= dimension.Domain.Hi ? null : Label(dimension, DimensionValue.OfNumber(bound.Hi));
                return bound.Lo == bound.Hi ? lo ?? "any" : lo is null ? hi is null ? "any value" : "at most " + hi : hi is null ? "at least " + lo : $"{lo} to {hi}";
            case DimensionKind.Set:
                return $"flags from {{{Label(dimension, DimensionValue.OfMask(bound.Floor))}}} up to {{{Label(dimension, DimensionValue.OfMask(bound.Ceiling))}}}";
            default:
                var listed = new List<string>();
                for (var p = 0; p < dimension.Members.Count; p++)
                {
                    if (Lattice.Contains(bound, DimensionValue.OfPosition(p)))
                    {
                        listed.Add(Label(dimension, DimensionValue.OfPosition(p)));
                    }
                }

                return "{" + string.Join(", ", listed) + "}";
        }
    }

    private static List<string> Flags(DimensionModel dimension, ulong bits)
    {
        var names = new List<string>();
        foreach (var member in dimension.Members)
        {
            var flag = unchecked((ulong)member.Value);
            if (flag != 0 && (bits & flag) == flag && (flag & (flag - 1)) == 0)
            {
                names.Add(member.Name);
            }
        }

        return names;
    }
}
