using System.Collections.Generic;

namespace PolicyAsCode.Json;

/// <summary>
/// How a set dimension's flags are named in the preferences wire format, for the writer, the schema and the card alike.
/// A document may list any non-zero member, composite ones included; what is written is the canonical cover.
/// </summary>
internal static class PreferenceFlags
{
    /// <summary>
    /// The canonical names of <paramref name="mask"/>: in declaration order, each member wholly within the mask that adds a
    /// bit not yet named. <paramref name="covered"/> is their union; it falls short of the mask when no union of members makes it.
    /// </summary>
    public static List<string> Cover(DimensionInfo dimension, ulong mask, out ulong covered)
    {
        var names = new List<string>();
        covered = 0UL;
        for (var i = 0; i < dimension.Members.Length; i++)
        {
            var flag = unchecked((ulong)dimension.MemberValues[i]);
            if (flag != 0 && (mask & flag) == flag && (flag & ~covered) != 0)
            {
                names.Add(dimension.Members[i]);
                covered |= flag;
            }
        }

        return names;
    }

    /// <summary>The canonical names of <paramref name="mask"/>, as far as members make it (see <see cref="Cover(DimensionInfo, ulong, out ulong)"/>).</summary>
    public static List<string> Cover(DimensionInfo dimension, ulong mask) => Cover(dimension, mask, out _);

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
