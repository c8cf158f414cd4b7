using System;
using System.ComponentModel;
using PolicyAsCode.Json;

namespace PolicyAsCode.Compiled;

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
    /// <summary>
    /// The preferences holding <c>values[d]</c> for each dimension <c>d</c> that <paramref name="given"/> marks (bit
    /// <c>d % 64</c> of word <c>d / 64</c>), and the reader's context's default for every other dimension. Values of
    /// dimensions not given may be uninitialised and must not be read.
    /// </summary>
    T Build(ReadOnlySpan<DimensionValue> values, ReadOnlySpan<ulong> given);
}
