using System.Globalization;
using System.Linq;
using CsCheck;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Tests.Interpretation;

/// <summary>
/// Random overlays of a registry, written as configuration text: one to three bounds on random dimensions (sometimes
/// conditional, sometimes confined to a jurisdiction) and sometimes extra forbidden hazards. Many widen and are
/// rejected by the compiler; the narrowing properties and the overlaid-snapshot differential use those it accepts.
/// </summary>
public static class RandomOverlays
{
    /// <summary>An overlay of <paramref name="registry"/>, which must have an organisation tier and a dimension.</summary>
    public static Gen<PolicyOverlay> Overlay(PolicyRegistry registry)
    {
        var organisations = registry.Tiers.Where(t => t.Rank == TierRank.Organisation).Select(t => t.Name).ToArray();
        return from bounds in Bound(registry).Array[1, 3]
               from organisation in Gen.OneOf(organisations)
               from forbid in Gen.Frequency((3, Hazard.None), (1, Hazard.Hate), (1, Hazard.Privacy | Hazard.Elections))
               select bounds.Aggregate(
                   (forbid == Hazard.None ? PolicyOverlay.Empty : PolicyOverlay.Empty.Forbid(forbid)).ForOrganisation(organisations.Length > 1 ? organisation : null),
                   (overlay, bound) => overlay.With(bound));
    }

    private static Gen<OverlayBound> Bound(PolicyRegistry registry) =>
        from dimension in Gen.OneOf(registry.Dimensions.ToArray())
        from form in Gen.OneOf(new[] { BoundForm.AtMost, BoundForm.AtLeast, BoundForm.Between, BoundForm.Locked, BoundForm.Allowed }.Where(f => Lattice.Supports(dimension.Kind, f)).ToArray())
        from values in RandomPolicies.InDomainValue(dimension).Array[form switch { BoundForm.Between => 2, BoundForm.Allowed => 3, _ => 1 }]
        from when in Gen.Frequency((4, Fact.None), (1, Fact.Minor), (1, Fact.RolePlay))
        from unless in Gen.Frequency((6, Fact.None), (1, Fact.ConsentsToMemory))
        from jurisdiction in registry.Jurisdictions.IsEmpty
            ? Gen.Const((string?)null)
            : Gen.Frequency((3, (IGen<string?>)Gen.Const((string?)null)), (1, Gen.OneOf(registry.Jurisdictions.ToArray()).Select(j => (string?)j)))
        select new OverlayBound(dimension.Name, form, [.. Ordered(dimension, form, values).Select(v => Text(dimension, v))], when, unless, null, jurisdiction);

    // Between takes its ends in order; a reversed pair is only ever rejected as empty, so it is drawn ordered.
    private static DimensionValue[] Ordered(DimensionInfo dimension, BoundForm form, DimensionValue[] values)
    {
        if (form != BoundForm.Between)
        {
            return values;
        }

        var (a, b) = (values[0], values[1]);
        return dimension.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real => a.Number <= b.Number ? [a, b] : [b, a],
            DimensionKind.Set => [DimensionValue.OfMask(a.Bits & b.Bits), DimensionValue.OfMask(a.Bits | b.Bits)],
            _ => a.Position <= b.Position ? [a, b] : [b, a],
        };
    }

    private static string Text(DimensionInfo dimension, DimensionValue value) => dimension.Kind switch
    {
        DimensionKind.Boolean => value.Bits != 0 ? "true" : "false",
        DimensionKind.Integer or DimensionKind.Real => value.Number.ToString("R", CultureInfo.InvariantCulture),
        DimensionKind.Set => value.Bits == 0
            ? "None"
            : string.Join(",", Enumerable.Range(0, dimension.Members.Length)
                .Where(i => dimension.MemberValues[i] != 0 && (dimension.MemberValues[i] & (dimension.MemberValues[i] - 1)) == 0 && (value.Bits & (ulong)dimension.MemberValues[i]) != 0)
                .Select(i => dimension.Members[i])),
        _ => dimension.Members[value.Position],
    };
}
