using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicyAsCode.Runtime;

/// <summary>Reads overlay values written as text onto a dimension's lattice, and writes them back as C# literals.</summary>
internal static class OverlayValues
{
    public static bool TryParse(PolicyRegistry registry, DimensionInfo dimension, string? text, out DimensionValue value, out string literal, out string problem)
    {
        value = default;
        literal = string.Empty;
        problem = string.Empty;
        var raw = (text ?? string.Empty).Trim();
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                if (!bool.TryParse(raw, out var flag))
                {
                    problem = $"'{raw}' is not true or false";
                    return false;
                }

                value = DimensionValue.OfPosition(flag ? 1 : 0);
                break;

            case DimensionKind.Integer:
                if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    problem = $"'{raw}' is not an integer";
                    return false;
                }

                value = DimensionValue.OfNumber(integer);
                break;

            case DimensionKind.Real:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real))
                {
                    problem = $"'{raw}' is not a finite number";
                    return false;
                }

                value = DimensionValue.OfNumber(real);
                break;

            case DimensionKind.Ordinal:
            case DimensionKind.Choice:
                var position = FindMember(dimension, dimension.Kind == DimensionKind.Ordinal ? StripTypePrefix(dimension, raw) : raw, dimension.Kind == DimensionKind.Ordinal);
                if (position < 0)
                {
                    problem = $"'{raw}' is not one of {string.Join(", ", dimension.Members)}";
                    return false;
                }

                value = DimensionValue.OfPosition(position);
                break;

            case DimensionKind.Set:
                var mask = 0UL;
                foreach (var part in raw.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var flagValue = FindFlag(registry, dimension, StripTypePrefix(dimension, part));
                    if (flagValue is null)
                    {
                        problem = $"'{part}' is not one of {string.Join(", ", dimension.Members)}";
                        return false;
                    }

                    mask |= flagValue.Value;
                }

                value = DimensionValue.OfMask(mask);
                break;
        }

        if (!dimension.InDomain(value))
        {
            problem = $"'{raw}' is not a value of {dimension.TypeName}";
            return false;
        }

        literal = Literal(dimension, value);
        return true;
    }

    /// <summary>The value as the C# bound attribute would take it: <c>Maturity.Teen</c>, <c>7</c>, <c>"en"</c>, <c>Topics.Science | Topics.History</c>.</summary>
    public static string Literal(DimensionInfo dimension, DimensionValue value)
    {
        var type = ShortType(dimension);
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                return value.Bits != 0 ? "true" : "false";
            case DimensionKind.Integer:
            case DimensionKind.Real:
                return value.Number.ToString("R", CultureInfo.InvariantCulture);
            case DimensionKind.Choice:
                return "\"" + dimension.Format(value) + "\"";
            case DimensionKind.Ordinal:
                return type + "." + dimension.Format(value);
            default:
                if (value.Bits == 0)
                {
                    return $"({type})0";
                }

                var names = new List<string>();
                for (var i = 0; i < dimension.Members.Length; i++)
                {
                    var flagValue = (ulong)dimension.MemberValues[i];
                    if (flagValue != 0 && (value.Bits & flagValue) == flagValue && IsSingleBit(flagValue))
                    {
                        names.Add(type + "." + dimension.Members[i]);
                    }
                }

                return string.Join(" | ", names);
        }
    }

    /// <summary>A hazard by Llama Guard code (<c>S11</c>), enum name (<c>SuicideAndSelfHarm</c>) or the policy's custom code; none if unknown.</summary>
    public static Hazard ParseHazard(PolicyRegistry registry, string? text)
    {
        var raw = (text ?? string.Empty).Trim();
        if (raw.Length == 0)
        {
            return Hazard.None;
        }

        var coded = HazardNames.FromCode(raw, registry.CustomHazards);
        if (coded != Hazard.None)
        {
            return coded;
        }

        foreach (var candidate in Enum.GetValues<Hazard>())
        {
            if (candidate != Hazard.None && string.Equals(candidate.ToString(), raw, StringComparison.OrdinalIgnoreCase)
                && ((registry.KnownHazards & candidate) == candidate))
            {
                return candidate;
            }
        }

        return Hazard.None;
    }

    private static ulong? FindFlag(PolicyRegistry registry, DimensionInfo dimension, string name)
    {
        if (string.Equals(name, "None", StringComparison.OrdinalIgnoreCase) || name == "0")
        {
            return 0;
        }

        for (var i = 0; i < dimension.Members.Length; i++)
        {
            if (string.Equals(dimension.Members[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return (ulong)dimension.MemberValues[i];
            }
        }

        if (dimension.IsHazardSet)
        {
            var hazard = ParseHazard(registry, name);
            if (hazard != Hazard.None)
            {
                return (ulong)hazard;
            }
        }

        return null;
    }

    private static int FindMember(DimensionInfo dimension, string name, bool ignoreCase)
    {
        for (var p = 0; p < dimension.Members.Length; p++)
        {
            if (string.Equals(dimension.Members[p], name, StringComparison.Ordinal))
            {
                return p;
            }
        }

        if (ignoreCase)
        {
            for (var p = 0; p < dimension.Members.Length; p++)
            {
                if (string.Equals(dimension.Members[p], name, StringComparison.OrdinalIgnoreCase))
                {
                    return p;
                }
            }
        }

        return -1;
    }

    private static string StripTypePrefix(DimensionInfo dimension, string text)
    {
        var prefix = ShortType(dimension) + ".";
        return text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;
    }

    private static string ShortType(DimensionInfo dimension)
    {
        var dot = dimension.TypeName.LastIndexOf('.');
        return dot >= 0 ? dimension.TypeName[(dot + 1)..] : dimension.TypeName;
    }

    private static bool IsSingleBit(ulong value) => (value & (value - 1)) == 0;
}
