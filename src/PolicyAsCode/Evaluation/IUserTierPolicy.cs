using System;
using System.Text.Json;
using PolicyAsCode.Compiled;
using PolicyAsCode.Json;

namespace PolicyAsCode;

/// <summary>
/// What the generator adds to every user-tier record: its registry and its compiled evaluator.
/// Generic code (middleware, tools, tests) works with any policy through this interface.
/// </summary>
/// <typeparam name="TSelf">The user-tier record.</typeparam>
public interface IUserTierPolicy<TSelf>
    where TSelf : class, IUserTierPolicy<TSelf>
{
    /// <summary>The policy as data.</summary>
    static abstract PolicyRegistry Registry { get; }

    /// <summary>The preferences a user starts from in <paramref name="context"/>: the user tier's initialisers, else the nearest tier's defaults.</summary>
    static abstract TSelf Defaults(in PolicyContext context);

    /// <summary>
    /// Resolves requested preferences in a context; values in <paramref name="unreadable"/> resolve fail-closed. A null
    /// <paramref name="requested"/> (no preferences could be read) resolves every dimension fail-closed, as if all were unreadable.
    /// </summary>
    static abstract Resolution<TSelf> Resolve(TSelf? requested, in PolicyContext context, DimensionSet unreadable);

    /// <summary>Decides on content showing <paramref name="detected"/> hazards against a resolution.</summary>
    static abstract Decision Decide(in Resolution<TSelf> resolution, Hazard detected);

    /// <summary>
    /// Whether content showing <paramref name="detected"/> hazards may be shown to <paramref name="requested"/> in
    /// <paramref name="context"/>: the answer of <c>Decide(Resolve(requested, context, DimensionSet.Empty), detected).IsAllowed</c>,
    /// without building the resolution or any reason, and allocating nothing. For the reason, resolve and decide.
    /// </summary>
    static abstract bool Admits(TSelf? requested, in PolicyContext context, Hazard detected);

    /// <summary>
    /// Writes what each dimension of <paramref name="requested"/> resolves to in <paramref name="context"/>, encoded, in
    /// dimension order, into <paramref name="values"/> (at least one element per dimension): the values of
    /// <c>Resolve(requested, context, DimensionSet.Empty).Effective</c>, without building the resolution. A span with
    /// fewer elements than dimensions is refused with <see cref="ArgumentOutOfRangeException"/> before anything is written.
    /// </summary>
    static abstract void GrantedValues(TSelf? requested, in PolicyContext context, Span<DimensionValue> values);

    /// <summary>The preferences' dimension values, encoded on their lattices, in dimension order.</summary>
    static abstract DimensionValue[] Encode(TSelf preferences);

    /// <summary>
    /// Resolves <paramref name="requested"/> in <paramref name="context"/> against what its bounds leave of each
    /// dimension (<paramref name="narrowed"/>, kept for that context): a value within is granted as asked; any other,
    /// and every value when <paramref name="requested"/> is null or the value is in <paramref name="unreadable"/>, is
    /// moved by its <see cref="NarrowedDimension"/>, which records why. Every granted value is written, encoded, into
    /// <paramref name="values"/> (at least one element per dimension); the effective record is
    /// <paramref name="requested"/> itself when nothing moved, and <paramref name="encoding"/> explains the resolution.
    /// An overlaid snapshot resolves with it. The generator implements it with typed code that allocates at most the
    /// effective record; this default encodes through <see cref="Encode"/> and <see cref="Decode"/>.
    /// </summary>
    static virtual Resolution<TSelf> ResolveWithin(
        TSelf? requested, in PolicyContext context, DimensionSet unreadable, NarrowedContext narrowed, IPolicyEncoding<TSelf> encoding, Span<DimensionValue> values)
    {
        ArgumentNullException.ThrowIfNull(narrowed);
        var dimensions = narrowed.Dimensions;
        var encoded = requested is null ? [] : TSelf.Encode(requested);
        var adjusted = default(AdjustmentRecorder);
        for (var d = 0; d < dimensions.Length; d++)
        {
            var asked = requested is not null && !unreadable.Contains(d);
            var value = asked ? encoded[d] : default;
            values[d] = asked && Lattice.Contains(dimensions[d].Within, value) ? value : dimensions[d].Resolve(value, asked, ref adjusted);
        }

        var effective = adjusted.IsEmpty && requested is not null ? requested : TSelf.Decode(values[..dimensions.Length]);
        var forbidden = narrowed.Forbids(values, out var active);
        return new Resolution<TSelf>(encoding, requested, in context, effective, adjusted.ToAdjustedDimensions(), forbidden, active, narrowed.Jurisdiction);
    }

    /// <summary>Preferences holding the encoded <paramref name="values"/>, in dimension order.</summary>
    static abstract TSelf Decode(ReadOnlySpan<DimensionValue> values);

    /// <summary>
    /// Reads untrusted preferences JSON (docs/preferences-json.md): values of the right type and domain are requested,
    /// anything else is reported with its path and listed in <see cref="PreferencesReadResult{T}.Unreadable"/>, and
    /// dimensions left out hold their defaults for <paramref name="context"/>. Never throws for any input bytes.
    /// </summary>
    static abstract PreferencesReadResult<TSelf> ReadPreferences(ReadOnlySpan<byte> utf8Json, in PolicyContext context, PreferencesReaderOptions? options = null);

    /// <summary>Writes the preferences as a document <see cref="ReadPreferences"/> reads back unchanged.</summary>
    static abstract void WritePreferences(Utf8JsonWriter writer, TSelf preferences);
}
