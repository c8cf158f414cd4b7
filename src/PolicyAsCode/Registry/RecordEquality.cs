using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode;

/// <summary>
/// Equality by contents for the records that hold <see cref="ImmutableArray{T}"/>: a record's generated equality compares
/// the arrays by reference, so two registries read from the same data would differ. Each such record lists every
/// property in its <c>Equals</c> through these helpers; a reflection test (RecordEqualityTests) changes each property in
/// turn and fails if one is left out, so a new property cannot be silently ignored.
/// </summary>
internal static class RecordEquality
{
    /// <summary>Whether two arrays hold the same items in the same order; a default array equals an empty one.</summary>
    public static bool Same<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.IsDefaultOrEmpty ? right.IsDefaultOrEmpty : !right.IsDefault && left.SequenceEqual(right, EqualityComparer<T>.Default);

    /// <summary>A hash of an array's contents, consistent with <see cref="Same{T}"/>.</summary>
    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = new System.HashCode();
        if (!items.IsDefault)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }
}
