using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// How a dimension resolves when its strict bound is the same in every context and can neither contradict nor be
/// waived (<see cref="DimensionPlan.Constant"/>): the bound's test, its strictest value and where each member clamps
/// to, worked out here with the runtime's own <see cref="PolicyAsCode.Lattice"/>, so the emitter prints constants.
/// Numbers and sets are clamped at run time by <c>Lattice.ClampNumber</c> and <c>Lattice.ClampMask</c>.
/// </summary>
internal sealed class ConstantResolution
{
    public ConstantResolution(DimensionModel d, Bound strict)
    {
        Strict = strict;
        Strictest = PolicyAsCode.Lattice.Strictest(strict, d.HigherIsStricter);
        Inside = Membership.Within(d, strict, d.Domain, ValueAccess.Encoded(DimensionPlan.Requested));
        ClampedPositions = PolicyAsCode.Lattice.IsMembers(d.Kind) && !Inside.IsAlways
            ? Enumerable.Range(0, d.Members.Count).Select(p => PolicyAsCode.Lattice.Clamp(strict, DimensionValue.OfPosition(p), d.HigherIsStricter).Position).ToArray()
            : null;
    }

    /// <summary>The strict bound, the same in every context.</summary>
    public Bound Strict { get; }

    /// <summary>What an unreadable value is granted: the bound's strictest value.</summary>
    public DimensionValue Strictest { get; }

    /// <summary>Whether a readable encoded value lies inside the bound: granted as asked.</summary>
    public Test Inside { get; }

    /// <summary>For a dimension of members whose bound excludes some, the position each member position clamps to; else null.</summary>
    public IReadOnlyList<int>? ClampedPositions { get; }
}
