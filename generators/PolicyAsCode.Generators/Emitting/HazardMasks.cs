using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>Which hazard bits a policy can name: the 14 shipped categories and the project's own.</summary>
internal static class HazardMasks
{
    public const ulong Shipped = HazardBits.Shipped;

    public static ulong Known(PolicyModel policy)
    {
        var known = Shipped;
        foreach (var custom in policy.CustomHazards)
        {
            known |= custom.Hazard;
        }

        return known;
    }
}
