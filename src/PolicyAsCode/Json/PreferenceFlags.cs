using System.Collections.Generic;

namespace PolicyAsCode.Json;

/// <summary>
/// Which flag names a preferences document may list for a set dimension, and must list to reach a floor: the schema's
/// half of the wire format. A document may list any non-zero member, composite ones included; what the writer writes is
/// the canonical naming, <see cref="DimensionInfo.FlagNames"/>.
/// </summary>
internal static class PreferenceFlags
{
    /// <summary>Every non-zero member wholly within <paramref name="ceiling"/>, in declaration order: what a document may list.</summary>
    public static List<string> Within(DimensionInfo dimension, ulong ceiling)
    {
        var names = new List<string>();
        for (var i = 0; i < dimension.Members.Length; i++)
        {
            var flag = unchecked((ulong)dimension.MemberValues[i]);
            if (flag != 0 && (ceiling & flag) == flag)
            {
                names.Add(dimension.Members[i]);
            }
        }

        return names;
    }

    /// <summary>
    /// What a list of members within <paramref name="ceiling"/> must hold for its union to include <paramref name="floor"/>:
    /// for each bit of the floor, at least one of the members holding it (bits held by the same members are asked once).
    /// </summary>
    public static List<List<string>> Requirements(DimensionInfo dimension, ulong floor, ulong ceiling)
    {
        var requirements = new List<List<string>>();
        var keys = new HashSet<string>();
        for (var bit = 0; bit < 64; bit++)
        {
            var b = 1UL << bit;
            if ((floor & b) == 0)
            {
                continue;
            }

            var holders = new List<string>();
            for (var i = 0; i < dimension.Members.Length; i++)
            {
                var flag = unchecked((ulong)dimension.MemberValues[i]);
                if ((flag & b) != 0 && (ceiling & flag) == flag)
                {
                    holders.Add(dimension.Members[i]);
                }
            }

            if (keys.Add(string.Join("\u0000", holders)))
            {
                requirements.Add(holders);
            }
        }

        return requirements;
    }
}
