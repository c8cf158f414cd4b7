using System;
using System.Globalization;

namespace PolicyAsCode;

/// <summary>
/// One value of a dimension, encoded so that every kind shares one representation:
/// interval kinds use <see cref="Number"/>; member kinds (boolean, ordinal, choice) use
/// <see cref="Bits"/> as the member's position; set kinds use <see cref="Bits"/> as the flag mask.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly struct DimensionValue : IEquatable<DimensionValue>
{
    private DimensionValue(double number, ulong bits)
    {
        Number = number;
        Bits = bits;
    }

    /// <summary>The number of an integer or real value.</summary>
    public double Number { get; }

    /// <summary>The position of a member value, or the mask of a set value.</summary>
    public ulong Bits { get; }

    /// <summary>A value of an interval kind.</summary>
    public static DimensionValue OfNumber(double number) => new(number, 0);

    /// <summary>A value of a member kind, by its position in the domain.</summary>
    public static DimensionValue OfPosition(int position) => new(0, (ulong)position);

    /// <summary>A value of a set kind, by its flag mask.</summary>
    public static DimensionValue OfMask(ulong mask) => new(0, mask);

    /// <summary>The member position of a member value.</summary>
    public int Position => (int)Bits;

    /// <inheritdoc/>
    // Bitwise comparison keeps NaN equal to itself and tells -0 from +0, so equality is an equivalence.
    public bool Equals(DimensionValue other) =>
        BitConverter.DoubleToInt64Bits(Number) == BitConverter.DoubleToInt64Bits(other.Number) && Bits == other.Bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DimensionValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.DoubleToInt64Bits(Number).GetHashCode() ^ Bits.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(DimensionValue left, DimensionValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DimensionValue left, DimensionValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() =>
        Bits != 0 ? "0x" + Bits.ToString("X", CultureInfo.InvariantCulture) : Number.ToString("R", CultureInfo.InvariantCulture);
}
