using System;
using System.Globalization;

namespace PolicyAsCode;

/// <summary>
/// An element of a dimension's lattice: the set of values a bound allows.
/// Interval kinds keep <c>[Lo, Hi]</c>; member kinds keep a bitmap of allowed positions;
/// set kinds keep the flags every value must hold (<see cref="Floor"/>) and the flags any value may hold (<see cref="Ceiling"/>).
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly struct Bound : IEquatable<Bound>
{
    /// <summary>Creates a bound from its raw parts; prefer the factories on <see cref="Lattice"/>.</summary>
    public Bound(DimensionKind kind, double lo, double hi, ulong floor, ulong ceiling)
    {
        Kind = kind;
        Lo = lo;
        Hi = hi;
        Floor = floor;
        Ceiling = ceiling;
    }

    /// <summary>The kind of dimension this bound belongs to.</summary>
    public DimensionKind Kind { get; }

    /// <summary>Least allowed number (interval kinds).</summary>
    public double Lo { get; }

    /// <summary>Greatest allowed number (interval kinds).</summary>
    public double Hi { get; }

    /// <summary>Flags every value must hold (set kind); unused otherwise.</summary>
    public ulong Floor { get; }

    /// <summary>Allowed member positions (member kinds), or flags a value may hold (set kind).</summary>
    public ulong Ceiling { get; }

    /// <inheritdoc/>
    public bool Equals(Bound other) =>
        Kind == other.Kind && Lo.Equals(other.Lo) && Hi.Equals(other.Hi) && Floor == other.Floor && Ceiling == other.Ceiling;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bound other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (int)Kind;
            hash = (hash * 397) ^ Lo.GetHashCode();
            hash = (hash * 397) ^ Hi.GetHashCode();
            hash = (hash * 397) ^ Floor.GetHashCode();
            return (hash * 397) ^ Ceiling.GetHashCode();
        }
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Bound left, Bound right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Bound left, Bound right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DimensionKind.Integer or DimensionKind.Real =>
            "[" + Lo.ToString("R", CultureInfo.InvariantCulture) + ", " + Hi.ToString("R", CultureInfo.InvariantCulture) + "]",
        DimensionKind.Set => "flags ⊇ 0x" + Floor.ToString("X", CultureInfo.InvariantCulture) + " and ⊆ 0x" + Ceiling.ToString("X", CultureInfo.InvariantCulture),
        _ => "members 0x" + Ceiling.ToString("X", CultureInfo.InvariantCulture),
    };
}
