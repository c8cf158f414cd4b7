using System.Text.Json.Nodes;

namespace PolicyAsCode.Documents;

/// <summary>
/// Dimension values in the user-preferences JSON wire format: <c>true</c>/<c>false</c>, a JSON integer, a finite
/// number, a member name, or an array of flag names (a zero member such as <c>None</c> is never written).
/// </summary>
internal static class PreferenceValues
{
    public static JsonNode ToJson(DimensionInfo dimension, DimensionValue value)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                return JsonValue.Create(value.Position == 1);
            case DimensionKind.Integer:
                return JsonValue.Create((long)value.Number);
            case DimensionKind.Real:
                return JsonValue.Create(value.Number);
            case DimensionKind.Set:
                var flags = new JsonArray();
                foreach (var name in FlagNames(dimension, value.Bits))
                {
                    flags.Add((JsonNode)JsonValue.Create(name));
                }

                return flags;
            default:
                return JsonValue.Create(MemberName(dimension, value.Position));
        }
    }

    /// <summary>The member at a position, as the wire format spells it.</summary>
    public static string MemberName(DimensionInfo dimension, int position) =>
        position >= 0 && position < dimension.Members.Length ? dimension.Members[position] : string.Empty;

    /// <summary>The names of the single-flag members within <paramref name="mask"/>, in declaration order.</summary>
    public static System.Collections.Generic.List<string> FlagNames(DimensionInfo dimension, ulong mask)
    {
        var names = new System.Collections.Generic.List<string>();
        var seen = 0UL;
        for (var i = 0; i < dimension.Members.Length; i++)
        {
            var flag = (ulong)dimension.MemberValues[i];
            if (flag != 0 && (flag & (flag - 1)) == 0 && (mask & flag) != 0 && (seen & flag) == 0)
            {
                names.Add(dimension.Members[i]);
                seen |= flag;
            }
        }

        return names;
    }
}
