using System;

namespace PolicyAsCode;

/// <summary>A set of dimension indexes, e.g. the dimensions whose requested value could not be read.</summary>
public readonly struct DimensionSet : IEquatable<DimensionSet>
{
    private readonly ulong[]? _words;

    private DimensionSet(ulong[] words) => _words = words;

    /// <summary>The empty set.</summary>
    public static DimensionSet Empty => default;

    /// <summary>Whether the set holds no dimension.</summary>
    public bool IsEmpty
    {
        get
        {
            if (_words is null)
            {
                return true;
            }

            foreach (var word in _words)
            {
                if (word != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Whether the set holds dimension <paramref name="index"/>.</summary>
    public bool Contains(int index) => Contains(_words, index);

    /// <summary>
    /// Whether bit words mark dimension <paramref name="index"/> (bit <c>index % 64</c> of word <c>index / 64</c>): the
    /// layout of this set, and of the stack-allocated marks the preferences readers keep of the dimensions a document gives.
    /// </summary>
    internal static bool Contains(ReadOnlySpan<ulong> words, int index) =>
        index >= 0 && (index >> 6) < words.Length && ((words[index >> 6] >> (index & 63)) & 1UL) != 0;

    /// <summary>This set with dimension <paramref name="index"/> added.</summary>
    public DimensionSet With(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        var length = Math.Max(_words?.Length ?? 0, (index >> 6) + 1);
        var words = new ulong[length];
        _words?.CopyTo(words, 0);
        words[index >> 6] |= 1UL << (index & 63);
        return new DimensionSet(words);
    }

    /// <summary>A set of the given dimensions.</summary>
    public static DimensionSet Of(params ReadOnlySpan<int> indexes)
    {
        var set = Empty;
        foreach (var index in indexes)
        {
            set = set.With(index);
        }

        return set;
    }

    /// <inheritdoc/>
    public bool Equals(DimensionSet other)
    {
        var length = Math.Max(_words?.Length ?? 0, other._words?.Length ?? 0);
        for (var i = 0; i < length; i++)
        {
            if (Word(i) != other.Word(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DimensionSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Word(0).GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(DimensionSet left, DimensionSet right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DimensionSet left, DimensionSet right) => !left.Equals(right);

    private ulong Word(int i) => _words is not null && i < _words.Length ? _words[i] : 0;
}
