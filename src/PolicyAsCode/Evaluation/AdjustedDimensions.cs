using System;
using System.Collections;
using System.Collections.Generic;
using System.Numerics;

namespace PolicyAsCode;

/// <summary>
/// Which dimensions a resolution adjusted and the cause of each, in bit planes: what every evaluator records instead of
/// building explanations, so that a resolution allocates nothing for it up to 64 dimensions.
/// <see cref="Resolution{TPreferences}.Adjustments"/> explains them when asked.
/// </summary>
public readonly struct AdjustedDimensions : IEquatable<AdjustedDimensions>, IEnumerable<AdjustedDimension>
{
    // Bit d of _moved: dimension d (below 64) was adjusted; bit d of _cause0 and of _cause1: the two bits of its
    // AdjustmentCause. Dimensions from 64 on take three words (moved, cause0, cause1) per 64 in _beyond, which stays
    // null until one of them moves.
    private readonly ulong _moved;
    private readonly ulong _cause0;
    private readonly ulong _cause1;
    private readonly ulong[]? _beyond;

    internal AdjustedDimensions(ulong moved, ulong cause0, ulong cause1, ulong[]? beyond)
    {
        _moved = moved;
        _cause0 = cause0;
        _cause1 = cause1;
        _beyond = beyond;
    }

    /// <summary>No dimension adjusted.</summary>
    public static AdjustedDimensions None => default;

    /// <summary>Whether no dimension was adjusted.</summary>
    public bool IsEmpty => _moved == 0 && _beyond is null;

    /// <summary>How many dimensions were adjusted.</summary>
    public int Count
    {
        get
        {
            var count = BitOperations.PopCount(_moved);
            if (_beyond is not null)
            {
                for (var w = 0; w < _beyond.Length; w += 3)
                {
                    count += BitOperations.PopCount(_beyond[w]);
                }
            }

            return count;
        }
    }

    /// <summary>Whether dimension <paramref name="dimension"/> was adjusted.</summary>
    public bool Contains(int dimension) => ((Word(dimension, 0) >> (dimension & 63)) & 1UL) != 0;

    /// <summary>Why dimension <paramref name="dimension"/> was adjusted, or null when it was granted as asked.</summary>
    public AdjustmentCause? CauseOf(int dimension) => Contains(dimension) ? Cause(dimension) : null;

    /// <summary>Every adjusted dimension, in dimension order.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<AdjustedDimension> IEnumerable<AdjustedDimension>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(AdjustedDimensions other)
    {
        if (_moved != other._moved || _cause0 != other._cause0 || _cause1 != other._cause1)
        {
            return false;
        }

        var words = Math.Max(_beyond?.Length ?? 0, other._beyond?.Length ?? 0);
        for (var w = 0; w < words; w++)
        {
            if (Beyond(w) != other.Beyond(w))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AdjustedDimensions other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_moved, _cause0, _cause1);

    /// <summary>Equality.</summary>
    public static bool operator ==(AdjustedDimensions left, AdjustedDimensions right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AdjustedDimensions left, AdjustedDimensions right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var (dimension, cause) in this)
        {
            parts.Add($"{dimension}:{cause}");
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private AdjustmentCause Cause(int dimension)
    {
        var shift = dimension & 63;
        return (AdjustmentCause)((int)((Word(dimension, 1) >> shift) & 1UL) | ((int)((Word(dimension, 2) >> shift) & 1UL) << 1));
    }

    // Plane 0 (moved), 1 or 2 (the cause's bits) of the word holding dimension.
    private ulong Word(int dimension, int plane)
    {
        if (dimension < 64)
        {
            return dimension < 0 ? 0 : plane switch { 0 => _moved, 1 => _cause0, _ => _cause1 };
        }

        return Beyond((((dimension >> 6) - 1) * 3) + plane);
    }

    private ulong Beyond(int word) => _beyond is not null && word < _beyond.Length ? _beyond[word] : 0;

    /// <summary>Walks the adjusted dimensions in order, without allocating.</summary>
    public struct Enumerator : IEnumerator<AdjustedDimension>
    {
        private readonly AdjustedDimensions _set;
        private readonly int _end;
        private int _next;

        internal Enumerator(AdjustedDimensions set)
        {
            _set = set;
            _end = 64 + ((set._beyond?.Length ?? 0) / 3 * 64);
            _next = 0;
            Current = default;
        }

        /// <inheritdoc/>
        public AdjustedDimension Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            while (_next < _end)
            {
                var word = _set.Word(_next, 0) >> (_next & 63);
                if (word == 0)
                {
                    _next = (_next | 63) + 1; // nothing more in this word
                    continue;
                }

                var dimension = _next + BitOperations.TrailingZeroCount(word);
                Current = new AdjustedDimension(dimension, _set.Cause(dimension));
                _next = dimension + 1;
                return true;
            }

            return false;
        }

        /// <inheritdoc/>
        public void Reset() => _next = 0;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
