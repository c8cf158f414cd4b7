using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// The one way a set of hazards is put into names: each bit in order, the shipped categories from the taxonomy and a
/// policy's own from its <c>[HazardCategory]</c>s. Decisions, cards, instructions, overlays, telemetry and <c>pac</c> ask it.
/// </summary>
public static class HazardNames
{
    /// <summary>Each hazard bit of <paramref name="hazards"/>, lowest first.</summary>
    public static IEnumerable<Hazard> Bits(Hazard hazards)
    {
        for (var rest = (ulong)hazards; rest != 0; rest &= rest - 1)
        {
            yield return (Hazard)(rest & (~rest + 1));
        }
    }

    /// <summary>Each hazard of <paramref name="hazards"/> that can be named, by bit; the others are left out (see <see cref="Unnamed"/>).</summary>
    public static IEnumerable<HazardName> Of(Hazard hazards, ImmutableArray<HazardInfo> custom = default)
    {
        foreach (var hazard in Bits(hazards))
        {
            if (Name(hazard, custom) is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>The name of one hazard bit, or null when neither the taxonomy nor <paramref name="custom"/> names it.</summary>
    public static HazardName? Name(Hazard hazard, ImmutableArray<HazardInfo> custom = default)
    {
        if (Taxonomy.Describe(hazard) is { } entry)
        {
            return new HazardName(hazard, entry.Id, entry.Id["hazard.".Length..], entry.Title, entry.Description, true);
        }

        foreach (var info in custom.IsDefault ? [] : custom)
        {
            if (info.Hazard == hazard)
            {
                return new HazardName(hazard, "hazard." + info.Code, info.Code, info.Code, info.Description, false);
            }
        }

        return null;
    }

    /// <summary>The bits of <paramref name="hazards"/> that neither the taxonomy nor <paramref name="custom"/> names.</summary>
    public static Hazard Unnamed(Hazard hazards, ImmutableArray<HazardInfo> custom = default)
    {
        var named = Taxonomy.Shipped;
        foreach (var info in custom.IsDefault ? [] : custom)
        {
            named |= info.Hazard;
        }

        return hazards & ~named;
    }

    /// <summary>
    /// The hazard a code names: a shipped code (<c>S1</c>…<c>S14</c>) or one of <paramref name="custom"/>'s codes, ignoring
    /// case; <see cref="Hazard.None"/> when neither names it. Overlays, decision records and replay read codes through here.
    /// </summary>
    public static Hazard FromCode(string code, ImmutableArray<HazardInfo> custom = default)
    {
        var shipped = Taxonomy.FromCode(code);
        if (shipped != Hazard.None)
        {
            return shipped;
        }

        foreach (var info in custom.IsDefault ? [] : custom)
        {
            if (string.Equals(info.Code, code, System.StringComparison.OrdinalIgnoreCase))
            {
                return info.Hazard;
            }
        }

        return Hazard.None;
    }
}
