using System;
using System.ComponentModel;
using System.Text.Json;

namespace PolicyAsCode.Json;

/// <summary>
/// What the one preferences reader (<see cref="PreferencesJsonSupport.Read{TSchema, T}"/>) needs to know of a policy
/// beyond its registry: how to match names, and how to build the result. The generator implements it for each
/// user tier with UTF-8 literals; <see cref="PreferencesJson"/> implements it from a registry. Not meant for
/// hand-written code.
/// </summary>
/// <typeparam name="T">The preferences the reader returns.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPreferenceSchema<T> : IPreferenceNames
{
    /// <summary>The defaults of the reader's context, encoded in dimension order; asked only when some dimension was not read.</summary>
    DimensionValue[] Defaults();

    /// <summary>The preferences holding <paramref name="values"/>, in dimension order.</summary>
    T Build(ReadOnlySpan<DimensionValue> values);
}

/// <summary>How a policy's dimensions and members are named in JSON: the matching half of <see cref="IPreferenceSchema{T}"/>. Not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPreferenceNames
{
    /// <summary>The dimension whose JSON name the reader's current property name is, or −1.</summary>
    int MatchProperty(ref Utf8JsonReader reader);

    /// <summary>Whether the reader's current string is a member name of <paramref name="dimension"/>, and which (its index in <see cref="DimensionInfo.Members"/>).</summary>
    bool TryMatchMember(int dimension, ref Utf8JsonReader reader, out int member);
}
