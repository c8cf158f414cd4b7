using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>How a policy's dimensions and members are named in JSON: the matching half of <see cref="IPreferenceSchema{T}"/>. Not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPreferenceNames
{
    /// <summary>The dimension whose JSON name is <paramref name="name"/> (UTF-8, unescaped), or −1.</summary>
    int MatchProperty(ReadOnlySpan<byte> name);

    /// <summary>Which member name of <paramref name="dimension"/> <paramref name="text"/> (UTF-8, unescaped) is (its index in <see cref="DimensionInfo.Members"/>), or −1.</summary>
    int MatchMember(int dimension, ReadOnlySpan<byte> text);

    /// <summary>
    /// The dimension whose JSON name, then a quote, starts <paramref name="rest"/> (the bytes after a string's opening
    /// quote), with <paramref name="length"/> the name's length plus one; or −1 (and then the caller finds the string's end itself).
    /// </summary>
    int MatchQuotedProperty(ReadOnlySpan<byte> rest, out int length)
    {
        length = 0;
        return -1;
    }

    /// <summary>As <see cref="MatchQuotedProperty"/>, for the member names of <paramref name="dimension"/>.</summary>
    int MatchQuotedMember(int dimension, ReadOnlySpan<byte> rest, out int length)
    {
        length = 0;
        return -1;
    }
}
